using Kto.Core.Backup;

namespace Kto.Core.Tests.Backup;

/// <summary>What a stack does about the nightly snapshot when its configuration says nothing.</summary>
public sealed class BackupSettingsTests
{
    [Fact]
    public void Unconfigured_no_backup_account_is_named_and_snapshots_would_go_to_the_snapshots_container()
    {
        var settings = new BackupSettings();
        // No account unless one is configured: the nightly run then writes nothing and the overview says so.
        Assert.Equal("", settings.BlobServiceUri);
        Assert.Equal("", settings.ConnectionString);
        Assert.Equal("snapshots", settings.Container); // as infra-bicep/main.bicep names it (backupContainerName)
        Assert.Equal((4, 35), (settings.AtHourUtc, settings.RetentionDays));
    }
}
