using Kto.Core.Backup;
using Microsoft.Extensions.Logging;

namespace Kto.Functions.Backup;

/// <summary>
/// Every hour at :20 (UTC): the night's snapshot into the backup account once it is due
/// (<c>Kto__Backup__AtHourUtc</c>, a setting, so the schedule is not fixed in the trigger), then retention.
/// An hourly trigger also catches up a night whose run failed or whose instance was gone.
/// </summary>
public sealed class BackupNightlyFunction(NightlyBackupService backups, ILogger<BackupNightlyFunction> logger)
{
    /// <summary>The line the "backup did not run" alert (infra-bicep) looks for.</summary>
    public const string WrittenMessage = "Backup written";

    [Function(nameof(BackupNightly))]
    public async Task BackupNightly([TimerTrigger("0 20 * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var result = await backups.RunAsync(cancellationToken);
        if (result.Status != NightlyBackupStatus.Written || result.Manifest is not { } manifest) return;
        logger.LogInformation(WrittenMessage + ": {Snapshot}, {Rows} rows, {Files} files, {Bytes} bytes, {SignedReports} signed reports; retention deleted {Deleted} and kept {Kept} without contact data",
            manifest.Name, manifest.TableCounts.Values.Sum(), manifest.BlobCounts.Values.Sum(), manifest.Bytes, manifest.SignedReports,
            result.Retention?.Deleted.Count ?? 0, result.Retention?.KeptWithoutContactData.Count ?? 0);
    }
}
