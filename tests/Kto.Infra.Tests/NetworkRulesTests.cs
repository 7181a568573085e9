using System.Text.Json.Nodes;

namespace Kto.Infra.Tests;

/// <summary>
/// The networkAccess parameter: storage and Key Vault admit every network by default, only the listed IPs and the
/// app's subnet once any is given, and only private endpoints when public access is off.
/// </summary>
[Collection(CompiledMainCollection.Name)]
public class NetworkRulesTests(CompiledMainFixture fixture)
{
    private const string Subnet = "/subscriptions/0000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-kto/subnets/app";
    private static readonly string[] Guarded = ["Microsoft.Storage/storageAccounts", "Microsoft.KeyVault/vaults"];

    [Fact]
    public void By_default_storage_and_key_vault_admit_every_network()
    {
        foreach (var type in Guarded)
        {
            foreach (var (publicAccess, acls) in Network(fixture.Template.Root, type))
            {
                Assert.Equal("Enabled", publicAccess);
                Assert.Equal("Allow", acls["defaultAction"]);
                Assert.Equal("AzureServices", acls["bypass"]);
                Assert.Empty(Assert.IsType<List<object?>>(acls["ipRules"]));
                Assert.Empty(Assert.IsType<List<object?>>(acls["virtualNetworkRules"]));
            }
        }
        Assert.Null(SiteSubnet(fixture.Template.Root));
    }

    [Fact]
    public void Listed_ips_and_the_app_subnet_are_the_only_networks_storage_and_key_vault_admit()
    {
        var root = With(["203.0.113.10", "198.51.100.0/24"], Subnet, "Enabled");

        foreach (var type in Guarded)
        {
            foreach (var (publicAccess, acls) in Network(root, type))
            {
                Assert.Equal("Enabled", publicAccess);
                Assert.Equal("Deny", acls["defaultAction"]);
                Assert.Equal("AzureServices", acls["bypass"]); // Event Grid and the platform still get through
                Assert.Equal(["203.0.113.10", "198.51.100.0/24"], ((List<object?>)acls["ipRules"]!).Select(r => ArmScope.At(r, "value")));
                Assert.Equal([Subnet], ((List<object?>)acls["virtualNetworkRules"]!).Select(r => ArmScope.At(r, "id")));
            }
        }
        // The app itself is integrated with that subnet, so it still reaches both.
        Assert.Equal(Subnet, SiteSubnet(root));
    }

    [Fact]
    public void Public_access_off_leaves_only_private_endpoints()
    {
        var root = With([], "", "Disabled");

        foreach (var type in Guarded)
        {
            foreach (var (publicAccess, acls) in Network(root, type))
            {
                Assert.Equal("Disabled", publicAccess);
                Assert.Equal("Deny", acls["defaultAction"]);
            }
        }
    }

    [Fact]
    public void Network_access_accepts_only_enabled_or_disabled()
    {
        var type = fixture.Template.Json["definitions"]?["networkAccessType"]?["properties"]?["publicNetworkAccess"];
        Assert.NotNull(type);
        Assert.Equal(["Enabled", "Disabled"], type["allowedValues"]!.AsArray().Select(v => (string?)v).Order().Reverse());
    }

    private ArmScope With(string[] ips, string appSubnetId, string publicNetworkAccess)
    {
        var value = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
        {
            ["allowedIpRanges"] = ips.Select(ip => (object?)ip).ToList(),
            ["appSubnetId"] = appSubnetId,
            ["publicNetworkAccess"] = publicNetworkAccess,
        };
        return new ArmScope(fixture.Template.Json, new Dictionary<string, Func<object?>>(StringComparer.OrdinalIgnoreCase) { ["networkAccess"] = () => value });
    }

    /// <summary>Every resource of the type (storage: the app's account and the backup account), each with its network settings.</summary>
    private static List<(object? PublicAccess, Dictionary<string, object?> Acls)> Network(ArmScope root, string type)
    {
        var found = root.SelfAndModules().SelectMany(s => s.Resources.Select(r => (s, r)))
            .Where(x => string.Equals((string?)x.r["type"], type, StringComparison.OrdinalIgnoreCase))
            .Select(x =>
            {
                var properties = x.r["properties"]!.AsObject();
                return (x.s.Evaluate(properties["publicNetworkAccess"]), WithCopies(x.s, properties["networkAcls"]!.AsObject()));
            }).ToList();
        Assert.NotEmpty(found);
        return found;
    }

    private static object? SiteSubnet(ArmScope root)
    {
        var (scope, site) = root.SelfAndModules().SelectMany(s => s.Resources.Select(r => (s, r)))
            .Single(x => string.Equals((string?)x.r["type"], Drift.Site, StringComparison.OrdinalIgnoreCase));
        return scope.Evaluate(site["properties"]?["virtualNetworkSubnetId"]);
    }

    /// <summary>An object whose array properties are for-expressions (property copy loops), evaluated.</summary>
    private static Dictionary<string, object?> WithCopies(ArmScope scope, JsonObject node)
    {
        var result = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in node)
            if (name != "copy") result[name] = scope.Evaluate(value);
        foreach (var copy in (node["copy"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var loop = (string)copy["name"]!;
            var count = scope.Evaluate(copy["count"]);
            Assert.True(count is long, $"The length of {loop} cannot be evaluated");
            result[loop] = Enumerable.Range(0, (int)(long)count!)
                .Select(i => scope.Evaluate(copy["input"], new Dictionary<string, long> { [loop] = i })).ToList();
        }
        return result;
    }
}
