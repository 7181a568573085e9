using Kto.Infrastructure.Configuration;
using Kto.Infrastructure.Storage;

namespace Kto.Infra.Tests;

/// <summary>
/// The compiled template declares every container, table and app setting the code uses. Evaluated from the
/// ARM JSON itself (loops and unions included), so the for-expression that builds appSettings is checked too.
/// </summary>
[Collection(CompiledMainCollection.Name)]
public class DriftTests(CompiledMainFixture fixture)
{
    private CompiledTemplate Template => fixture.Template;

    [Fact]
    public void Every_container_the_code_uses_is_declared()
    {
        var missing = Drift.MissingContainers(Template);

        Assert.True(missing.Count == 0, $"Containers in StorageNames.Containers missing from infra-bicep (add them to blobContainerNames in main.bicep): {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_table_the_code_uses_is_declared()
    {
        var missing = Drift.MissingTables(Template);

        Assert.True(missing.Count == 0, $"Tables in StorageNames.Tables missing from infra-bicep (add them to tableNames in main.bicep): {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_setting_the_code_reads_is_an_app_setting()
    {
        var missing = Drift.MissingAppSettings(Template);

        Assert.True(missing.Count == 0,
            "App settings the code reads (SettingsCatalog) but infra-bicep does not set. Add one line per name to " +
            $"ktoSettingDefaults in infra-bicep/main.bicep (host settings: hostSettings in modules/functionapp.bicep): {string.Join(", ", missing)}");
    }

    [Fact]
    public void The_catalog_is_not_empty()
    {
        // Guards the drift checks above against passing on an empty list.
        Assert.NotEmpty(StorageNames.Containers);
        Assert.NotEmpty(StorageNames.Tables);
        Assert.Contains("Kto__Delivery__MaxFileBytes", SettingsCatalog.AppSettingNames());
        Assert.Contains("AzureWebJobsStorage__clientId", SettingsCatalog.HostSettingNames);
    }

    [Fact]
    public void Removing_a_setting_from_the_template_is_caught()
    {
        // Proves the drift check can fail: a copy of infra-bicep without one ktoSettingDefaults line.
        using var temp = new TempDir();
        var infra = temp.CopyInfra();
        var main = Path.Combine(infra, "main.bicep");
        var lines = File.ReadAllLines(main);
        Assert.Contains(lines, l => l.TrimStart().StartsWith("Kto__Delivery__MaxCellLength:", StringComparison.Ordinal));
        File.WriteAllLines(main, lines.Where(l => !l.TrimStart().StartsWith("Kto__Delivery__MaxCellLength:", StringComparison.Ordinal)));

        var changed = CompiledTemplate.Compile(main);

        Assert.Equal(["Kto__Delivery__MaxCellLength"], Drift.MissingAppSettings(changed));
    }

    [Fact]
    public void Removing_a_container_or_table_from_the_template_is_caught()
    {
        using var temp = new TempDir();
        var infra = temp.CopyInfra();
        var main = Path.Combine(infra, "main.bicep");
        // Drop 'reports' from both declared lists (containers and tables), and nothing else.
        var lines = File.ReadAllLines(main);
        var lists = lines.Where(l => l.StartsWith("var blobContainerNames", StringComparison.Ordinal) || l.StartsWith("var tableNames", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, lists.Count);
        Assert.All(lists, l => Assert.Contains("'reports'", l));
        File.WriteAllLines(main, lines.Select(l => lists.Contains(l) ? l.Replace(", 'reports'", "").Replace("'reports', ", "") : l));

        var changed = CompiledTemplate.Compile(main);

        Assert.Equal(["reports"], Drift.MissingContainers(changed));
        Assert.Equal(["reports"], Drift.MissingTables(changed));
    }

    [Fact]
    public void The_mail_password_is_a_key_vault_reference()
    {
        var settings = Drift.DeclaredAppSettings(Template);

        Assert.True(settings.TryGetValue("Kto__Mail__Password", out var value), "Kto__Mail__Password is not an app setting");
        var text = Assert.IsType<string>(value);
        Assert.StartsWith("@Microsoft.KeyVault(SecretUri=https://", text, StringComparison.Ordinal);
        Assert.Contains("/secrets/kto-mail-password/", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Storage_settings_are_identity_based()
    {
        var settings = Drift.DeclaredAppSettings(Template);

        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
        Assert.DoesNotContain(settings.Values.OfType<string>(), v => v.Contains("AccountKey=", StringComparison.OrdinalIgnoreCase));
        // Flex Consumption refuses these as app settings; the runtime is set in functionAppConfig.
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", settings.Keys);
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", settings.Keys);
    }

    [Fact]
    public void Lifecycle_deletes_raw_deliveries_after_the_retention_parameter_and_keeps_receipts_longer()
    {
        // The app account's policy (the backup account has its own, for snapshot versions: BackupInfraTests).
        var rules = Template.Resources("Microsoft.Storage/storageAccounts/managementPolicies")
            .Select(p => ((List<object?>)ArmScope.At(p.Scope.Evaluate(p.Resource["properties"]), "policy", "rules")!).Cast<Dictionary<string, object?>>().ToList())
            .Single(r => r.Any(rule => (string?)rule["name"] == "delete-raw-deliveries"));

        long DeleteAfter(string container)
        {
            var rule = rules.Single(r => ((List<object?>)ArmScope.At(r, "definition", "filters", "prefixMatch")!).Contains($"{container}/"));
            return Assert.IsType<long>(ArmScope.At(rule, "definition", "actions", "baseBlob", "delete", "daysAfterModificationGreaterThan"));
        }

        Assert.Equal(30, DeleteAfter(StorageNames.DeliveriesContainer));
        Assert.True(DeleteAfter(StorageNames.ReceiptsContainer) > DeleteAfter(StorageNames.DeliveriesContainer));
        Assert.Equal(30L, Template.Root.Parameter("deliveryRetentionDays"));
    }
}
