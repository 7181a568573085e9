namespace Kto.Core.Backup;

/// <summary>
/// The nightly snapshot (Azure): run by an hourly timer, it writes one snapshot per night from
/// <see cref="BackupSettings.AtHourUtc"/> into the backup account and then applies retention. A run that finds the
/// night's snapshot complete does nothing, so an extra run or a second instance writes no second one; a run that
/// died part way left no manifest, and the next run writes the night's snapshot again under a new name.
/// </summary>
public sealed class NightlyBackupService(BackupService backup, ISnapshotArchive archive, SnapshotRetention retention, BackupSettings settings, TimeProvider time)
{
    public async Task<NightlyBackupResult> RunAsync(CancellationToken cancellationToken)
    {
        if (!archive.Configured) return new NightlyBackupResult(NightlyBackupStatus.NotConfigured, null, null);
        var now = time.GetUtcNow();
        var dueFrom = new DateTimeOffset(now.UtcDateTime.Date.AddHours(settings.AtHourUtc), TimeSpan.Zero);
        if (dueFrom > now) dueFrom = dueFrom.AddDays(-1);

        foreach (var name in (await archive.ListAsync(cancellationToken)).OrderDescending(StringComparer.Ordinal))
        {
            var at = SnapshotNames.TimeOf(name);
            if (at is null) continue; // not ours
            if (at < dueFrom) break;
            if (await SnapshotRetention.ReadManifestAsync(archive.Open(name), cancellationToken) is { } done)
                return new NightlyBackupResult(NightlyBackupStatus.AlreadyTaken, done, null);
        }

        var snapshotName = SnapshotNames.For(now);
        var manifest = await backup.WriteAsync(new BackupRequest(archive.Open(snapshotName), snapshotName), cancellationToken);
        var dropped = await retention.ApplyAsync(now, cancellationToken);
        return new NightlyBackupResult(NightlyBackupStatus.Written, manifest, dropped);
    }

    /// <summary>The newest complete snapshot in the archive, or null (for "the backup did not run").</summary>
    public Task<SnapshotManifest?> LatestAsync(CancellationToken cancellationToken) => LatestAsync(archive, cancellationToken);

    /// <inheritdoc cref="LatestAsync(CancellationToken)"/>
    public static async Task<SnapshotManifest?> LatestAsync(ISnapshotArchive archive, CancellationToken cancellationToken)
    {
        foreach (var name in (await archive.ListAsync(cancellationToken)).OrderDescending(StringComparer.Ordinal))
            if (SnapshotNames.TimeOf(name) is not null && await SnapshotRetention.ReadManifestAsync(archive.Open(name), cancellationToken) is { } manifest)
                return manifest;
        return null;
    }
}

/// <summary>Whether this run wrote the night's snapshot (else <see cref="Manifest"/> is the one already there) and what retention did.</summary>
public sealed record NightlyBackupResult(NightlyBackupStatus Status, SnapshotManifest? Manifest, SnapshotRetentionResult? Retention);

public enum NightlyBackupStatus
{
    /// <summary>No backup account: nothing written (the bureau overview lists it as needing attention).</summary>
    NotConfigured,
    /// <summary>The night's snapshot is there already.</summary>
    AlreadyTaken,
    Written,
}
