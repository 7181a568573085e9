namespace Kto.Infra.Tests;

/// <summary>Identity and security properties of the compiled template.</summary>
[Collection(CompiledMainCollection.Name)]
public class SecurityTests(CompiledMainFixture fixture)
{
    private CompiledTemplate Template => fixture.Template;

    private static object? Property(ArmScope scope, System.Text.Json.Nodes.JsonObject resource, params string[] path) =>
        ArmScope.At(scope.Evaluate(resource), path);

    [Fact]
    public void The_bureau_key_hash_is_a_secure_parameter()
    {
        Assert.Equal("securestring", Template.Json["parameters"]!["bureauKeyHash"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void The_hosts_request_body_limit_lets_every_allowed_delivery_through()
    {
        var settings = Drift.DeclaredAppSettings(Template);
        var hostLimit = long.Parse(Convert.ToString(settings["FUNCTIONS_REQUEST_BODY_SIZE_LIMIT"], System.Globalization.CultureInfo.InvariantCulture)!);
        var maxFile = long.Parse(Convert.ToString(settings["Kto__Delivery__MaxFileBytes"], System.Globalization.CultureInfo.InvariantCulture)!);
        Assert.True(hostLimit > maxFile, $"FUNCTIONS_REQUEST_BODY_SIZE_LIMIT {hostLimit} must exceed MaxFileBytes {maxFile}");
    }

    [Fact]
    public void Storage_accounts_allow_only_entra_id_over_tls_1_2()
    {
        // The app's account and the backup account.
        var accounts = Template.Resources("Microsoft.Storage/storageAccounts").ToList();
        Assert.Equal(2, accounts.Count);
        foreach (var (scope, account) in accounts)
        {
            Assert.Equal(false, Property(scope, account, "properties", "allowSharedKeyAccess"));
            Assert.Equal(false, Property(scope, account, "properties", "allowBlobPublicAccess"));
            Assert.Equal("TLS1_2", Property(scope, account, "properties", "minimumTlsVersion"));
            Assert.Equal(true, Property(scope, account, "properties", "supportsHttpsTrafficOnly"));
        }
    }

    [Fact]
    public void Function_app_is_flex_consumption_dotnet_isolated_10()
    {
        var (scope, site) = Template.Single(Drift.Site);
        var (planScope, plan) = Template.Single("Microsoft.Web/serverfarms");

        Assert.Equal("dotnet-isolated", Property(scope, site, "properties", "functionAppConfig", "runtime", "name"));
        Assert.Equal("10.0", Property(scope, site, "properties", "functionAppConfig", "runtime", "version"));
        Assert.Equal("FlexConsumption", Property(planScope, plan, "sku", "tier"));
        Assert.Equal(true, Property(scope, site, "properties", "httpsOnly"));
    }

    [Fact]
    public void Function_app_runs_as_a_user_assigned_identity_everywhere()
    {
        var (scope, site) = Template.Single(Drift.Site);

        Assert.Equal("UserAssigned", Property(scope, site, "identity", "type"));
        Assert.NotNull(Property(scope, site, "properties", "keyVaultReferenceIdentity"));
        Assert.Equal("UserAssignedIdentity",
            Property(scope, site, "properties", "functionAppConfig", "deployment", "storage", "authentication", "type"));
        Assert.Equal("managedidentity", Drift.DeclaredAppSettings(Template)["AzureWebJobsStorage__credential"]);
    }

    [Fact]
    public void Key_vault_uses_rbac_and_app_insights_needs_entra_id()
    {
        var (kvScope, vault) = Template.Single("Microsoft.KeyVault/vaults");
        var (aiScope, insights) = Template.Single("Microsoft.Insights/components");

        Assert.Equal(true, Property(kvScope, vault, "properties", "enableRbacAuthorization"));
        Assert.Equal(true, Property(aiScope, insights, "properties", "DisableLocalAuth"));
    }

    [Fact]
    public void Every_role_assignment_name_is_guid_of_scope_principal_and_role()
    {
        var assignments = Template.Resources("Microsoft.Authorization/roleAssignments").ToList();

        Assert.NotEmpty(assignments);
        Assert.All(assignments, a =>
        {
            var name = (string?)a.Resource["name"] ?? "";
            var call = Assert.IsType<ArmCall>(ArmExpression.TryParse(name));
            Assert.Equal("guid", call.Name, ignoreCase: true);
            Assert.Equal(3, call.Arguments.Count);
        });
    }

    [Theory]
    [InlineData("Storage Blob Data Contributor", "ba92f5b4-2d11-453d-a403-e96b0029c9fe")]
    [InlineData("Storage Queue Data Contributor", "974c5e8b-45b9-4653-ba55-5f855dd0fb88")]
    [InlineData("Storage Table Data Contributor", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3")]
    [InlineData("Key Vault Secrets User", "4633458b-17de-408a-b874-0445c86b69e6")]
    [InlineData("Key Vault Certificate User", "db79e9a7-68ee-4b58-9aeb-b90e7c24fcba")]
    [InlineData("Monitoring Metrics Publisher", "3913510d-42f4-4e42-8a64-420c390055eb")]
    public void The_app_identity_has_role(string role, string roleDefinitionId)
    {
        var matching = Template.Resources("Microsoft.Authorization/roleAssignments")
            .Where(a => ArmScope.Text(Property(a.Scope, a.Resource, "properties", "roleDefinitionId"))
                .EndsWith("/roleDefinitions/" + roleDefinitionId, StringComparison.OrdinalIgnoreCase))
            .ToList();

        // Storage Blob Data Contributor twice: the app's account and the backup account (BackupInfraTests).
        Assert.NotEmpty(matching);
        Assert.All(matching, assignment => Assert.Equal("ServicePrincipal", Property(assignment.Scope, assignment.Resource, "properties", "principalType")));
        Assert.False(string.IsNullOrEmpty(role));
    }

    [Theory]
    [InlineData("Owner", "8e3af657-a8ff-443c-a75c-2fe8c4bcb635")]
    [InlineData("Storage Blob Data Owner", "b7e6dc6d-f1e8-4753-8033-0f276bb0955b")]
    [InlineData("Key Vault Administrator", "00482a5a-887f-4fb3-b363-3b7fe8e74483")]
    [InlineData("User Access Administrator", "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9")]
    public void No_identity_gets_an_owner_or_administrator_role(string role, string roleDefinitionId)
    {
        var assignments = Template.Resources("Microsoft.Authorization/roleAssignments").ToList();

        Assert.NotEmpty(assignments);
        Assert.DoesNotContain(assignments, a => ArmScope.Text(Property(a.Scope, a.Resource, "properties", "roleDefinitionId"))
            .EndsWith("/roleDefinitions/" + roleDefinitionId, StringComparison.OrdinalIgnoreCase));
        Assert.False(string.IsNullOrEmpty(role));
    }
}
