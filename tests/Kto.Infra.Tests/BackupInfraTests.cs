using Kto.Core.Backup;

namespace Kto.Infra.Tests;

/// <summary>
/// The backup side of infra-bicep (issue 23): the backup account apart from the app's (versioning, an immutability
/// policy on every blob version shorter than the app's retention, a delete lock, the version clean-up), the app told
/// where it is, and Key Vault with soft delete and purge protection in every environment.
/// </summary>
[Collection(CompiledMainCollection.Name)]
public class BackupInfraTests(CompiledMainFixture fixture)
{
    private CompiledTemplate Template => fixture.Template;

    private (ArmScope Scope, System.Text.Json.Nodes.JsonObject Resource) BackupAccount() =>
        Template.Resources("Microsoft.Storage/storageAccounts").Single(a => ArmScope.At(a.Scope.Evaluate(a.Resource["properties"]), "immutableStorageWithVersioning") is not null);

    /// <summary>Declared in the module that declares the backup account (modules/backup.bicep).</summary>
    private bool InBackupModule(ArmScope scope) => ReferenceEquals(scope.Template, BackupAccount().Scope.Template);

    [Fact]
    public void The_backup_account_keeps_every_blob_version_immutable_for_less_time_than_the_app_keeps_snapshots()
    {
        var (scope, account) = BackupAccount();
        var properties = scope.Evaluate(account["properties"]);
        Assert.Equal(true, ArmScope.At(properties, "immutableStorageWithVersioning", "enabled"));
        var days = Assert.IsType<long>(ArmScope.At(properties, "immutableStorageWithVersioning", "immutabilityPolicy", "immutabilityPeriodSinceCreationInDays"));
        Assert.Equal(false, ArmScope.At(properties, "immutableStorageWithVersioning", "immutabilityPolicy", "allowProtectedAppendWrites"));

        var retention = long.Parse(Convert.ToString(Drift.DeclaredAppSettings(Template)["Kto__Backup__RetentionDays"], System.Globalization.CultureInfo.InvariantCulture)!);
        Assert.True(retention > days, $"retention {retention} days must exceed the immutability of {days} days, or old snapshots cannot be dropped");

        var (serviceScope, service) = Template.Resources("Microsoft.Storage/storageAccounts/blobServices")
            .Single(s => ArmScope.At(s.Scope.Evaluate(s.Resource["properties"]), "isVersioningEnabled") is true);
        Assert.True(InBackupModule(serviceScope));
        Assert.NotNull(service);
    }

    [Fact]
    public void The_backup_account_cannot_be_deleted_without_removing_its_lock_first()
    {
        var (scope, lockResource) = Template.Single("Microsoft.Authorization/locks");
        Assert.Equal("CanNotDelete", ArmScope.At(scope.Evaluate(lockResource["properties"]), "level"));
        Assert.True(InBackupModule(scope));
    }

    [Fact]
    public void Versions_left_by_dropped_snapshots_are_removed_by_a_lifecycle_rule()
    {
        var (scope, policy) = Template.Resources("Microsoft.Storage/storageAccounts/managementPolicies").Single(p => InBackupModule(p.Scope));
        var rule = Assert.Single((List<object?>)ArmScope.At(scope.Evaluate(policy["properties"]), "policy", "rules")!);
        Assert.IsType<long>(ArmScope.At(rule, "definition", "actions", "version", "delete", "daysAfterCreationGreaterThan"));
        Assert.Equal(["snapshots/"], ((List<object?>)ArmScope.At(rule, "definition", "filters", "prefixMatch")!).Cast<string>());
    }

    [Fact]
    public void The_app_writes_snapshots_to_the_backup_account_with_its_identity()
    {
        var settings = Drift.DeclaredAppSettings(Template);
        Assert.Equal(new BackupSettings().Container, settings["Kto__Backup__Container"]);
        Assert.Equal("", settings["Kto__Backup__ConnectionString"]); // no keys: the identity
        Assert.True(settings.ContainsKey("Kto__Backup__BlobServiceUri"));
        var assignments = Template.Resources("Microsoft.Authorization/roleAssignments").Where(a => InBackupModule(a.Scope)).ToList();
        var role = Assert.Single(assignments);
        Assert.Contains("ba92f5b4-2d11-453d-a403-e96b0029c9fe", ArmScope.Text(role.Scope.Evaluate(role.Resource["properties"]!["roleDefinitionId"])));
    }

    [Fact]
    public void Key_vault_has_soft_delete_and_purge_protection_in_every_environment()
    {
        var (scope, vault) = Template.Single("Microsoft.KeyVault/vaults");
        var properties = scope.Evaluate(vault["properties"]);
        Assert.Equal(true, ArmScope.At(properties, "enableSoftDelete"));
        Assert.Equal(true, ArmScope.At(properties, "enablePurgeProtection"));
        Assert.Equal(90L, ArmScope.At(properties, "softDeleteRetentionInDays"));
    }

    [Fact]
    public void Alerts_mail_the_operations_address_on_each_condition_issue_23_names()
    {
        var names = Template.Resources("Microsoft.Insights/scheduledQueryRules")
            .SelectMany(r => CompiledTemplate.ResourceNames(r.Scope, r.Resource)).ToList();
        foreach (var condition in new[] { "ingest-failed", "mail-run-stopped-on-errors", "function-fails-repeatedly", "backup-did-not-run", "certificate-expires-soon" })
            Assert.Contains(names, n => n.EndsWith("-" + condition, StringComparison.Ordinal));

        var (scope, group) = Template.Single("Microsoft.Insights/actionGroups");
        var receiver = Assert.Single((List<object?>)ArmScope.At(scope.Evaluate(group["properties"]), "emailReceivers")!);
        Assert.Equal("operations", ArmScope.At(receiver, "name"));
        Assert.NotNull(Template.Json["parameters"]!["operationsEmail"]);
    }
}
