namespace Kto.Core.Backup;

/// <summary>
/// Drops snapshots older than <see cref="BackupSettings.RetentionDays"/>. Signed reports are never deleted live, so
/// every later snapshot holds them too; of the old ones the first that holds a newly signed report (more signed
/// reports than the snapshot before it) is kept, without its files with contact data, so a snapshot never keeps contact data
/// longer than the retention days after the live tables dropped it. An incomplete snapshot (no manifest) past retention goes too.
/// </summary>
public sealed class SnapshotRetention(ISnapshotArchive archive, BackupSettings settings)
{
    public async Task<SnapshotRetentionResult> ApplyAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now.AddDays(-settings.RetentionDays);
        var deleted = new List<string>();
        var kept = new List<string>();
        var previousSigned = 0;
        foreach (var name in (await archive.ListAsync(cancellationToken)).Order(StringComparer.Ordinal))
        {
            var at = SnapshotNames.TimeOf(name);
            if (at is null) continue; // not ours (written without a pattern variable, so Stryker can mutate this loop)
            var snapshot = archive.Open(name);
            var manifest = await ReadManifestAsync(snapshot, cancellationToken);
            var newlySigned = manifest is not null && manifest.SignedReports > previousSigned;
            if (manifest is not null) previousSigned = manifest.SignedReports;
            if (at >= cutoff) continue;

            if (!newlySigned)
            {
                await archive.DeleteAsync(name, null, cancellationToken);
                deleted.Add(name);
                continue;
            }
            await using var dropped = await snapshot.OpenAsync(SnapshotManifest.PersonalDataDroppedFileName, cancellationToken);
            if (dropped is null)
            {
                await archive.DeleteAsync(name, [.. manifest!.Files.Where(f => f.Personal).Select(f => f.Path)], cancellationToken);
                await using var marker = await snapshot.CreateAsync(SnapshotManifest.PersonalDataDroppedFileName, cancellationToken);
                await marker.WriteAsync(System.Text.Encoding.UTF8.GetBytes($"{{\"droppedAt\":\"{now:O}\"}}"), cancellationToken);
            }
            kept.Add(name);
        }
        return new SnapshotRetentionResult(deleted, kept);
    }

    public static async Task<SnapshotManifest?> ReadManifestAsync(ISnapshotFiles snapshot, CancellationToken cancellationToken)
    {
        await using var stream = await snapshot.OpenAsync(SnapshotManifest.FileName, cancellationToken);
        if (stream is null) return null;
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return SnapshotManifest.Read(buffer.ToArray());
    }
}

/// <summary>The snapshots retention deleted, and the old ones it kept (each without its contact data).</summary>
public sealed record SnapshotRetentionResult(IReadOnlyList<string> Deleted, IReadOnlyList<string> KeptWithoutContactData);
