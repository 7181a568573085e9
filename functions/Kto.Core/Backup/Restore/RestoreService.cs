using System.Security.Cryptography;

namespace Kto.Core.Backup;

/// <summary>
/// Loads a snapshot into a stack. Nothing is written until the whole snapshot checks out: the manifest is there,
/// every file it lists is there with its size and SHA-256, the keys open with the passphrase and are all present,
/// and the stack is empty (unless forced). Then the tables, then the blobs (a restored delivery blob finds its
/// ledger row, so the blob trigger only returns the stored receipt), then the keys.
/// </summary>
public sealed class RestoreService(IStackStorage storage)
{
    private const int EntitiesPerWrite = 500;

    /// <summary>Checks a snapshot against its manifest without writing anything.</summary>
    public async Task<SnapshotCheck> CheckAsync(ISnapshotFiles snapshot, CancellationToken cancellationToken)
    {
        await using var manifestStream = await snapshot.OpenAsync(SnapshotManifest.FileName, cancellationToken);
        if (manifestStream is null)
            return new SnapshotCheck(null, [$"{SnapshotManifest.FileName} is missing: {snapshot.Location} is no complete snapshot"], false);
        using var buffer = new MemoryStream();
        await manifestStream.CopyToAsync(buffer, cancellationToken);
        var manifest = SnapshotManifest.Read(buffer.ToArray());
        if (manifest is null)
            return new SnapshotCheck(null, [$"{SnapshotManifest.FileName} is not a manifest of {SnapshotManifest.CurrentFormat}"], false);

        await using var dropped = await snapshot.OpenAsync(SnapshotManifest.PersonalDataDroppedFileName, cancellationToken);
        var personalDropped = dropped is not null;
        var problems = new List<string>();
        foreach (var file in manifest.Files)
        {
            if (!SafePath(file.Path)) { problems.Add($"{file.Path}: not a path inside the snapshot"); continue; }
            await using var stream = await snapshot.OpenAsync(file.Path, cancellationToken);
            if (stream is null)
            {
                if (!(file.Personal && personalDropped)) problems.Add($"{file.Path} is missing");
                continue;
            }
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var chunk = new byte[81920];
            long bytes = 0;
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                hash.AppendData(chunk, 0, read);
                bytes += read;
            }
            var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            if (bytes != file.Bytes || sha != file.Sha256)
                problems.Add($"{file.Path} was changed: {bytes} bytes with SHA-256 {sha}, the manifest says {file.Bytes} bytes with {file.Sha256}");
        }
        return new SnapshotCheck(manifest, problems, personalDropped);
    }

    public async Task<RestoreResult> RestoreAsync(RestoreRequest request, CancellationToken cancellationToken)
    {
        var check = await CheckAsync(request.Snapshot, cancellationToken);
        if (!check.Intact) return RestoreResult.Refused(RestoreOutcome.Damaged, check.Problems, check.Manifest);
        var manifest = check.Manifest!;

        IReadOnlyDictionary<string, byte[]>? keys = null;
        if (request.Keys is not null && !request.WithoutKeys)
        {
            var missing = request.Keys.Expected.Where(k => !manifest.Keys.Contains(k.Name)).ToList();
            if (missing.Count > 0)
                return RestoreResult.Refused(RestoreOutcome.KeysMissing, [.. missing.Select(k => $"{k.Name} ({k.Meaning}) is not in the snapshot")], manifest);
            if (string.IsNullOrEmpty(request.Passphrase))
                return RestoreResult.Refused(RestoreOutcome.PassphraseNeeded, ["the snapshot's keys are sealed: give the passphrase used for the backup"], manifest);
            await using var sealedStream = (await request.Snapshot.OpenAsync(BackupService.KeysPath, cancellationToken))!;
            using var sealedBuffer = new MemoryStream();
            await sealedStream.CopyToAsync(sealedBuffer, cancellationToken);
            keys = KeyBundle.Open(sealedBuffer.ToArray(), request.Passphrase);
            if (keys is null)
                return RestoreResult.Refused(RestoreOutcome.WrongPassphrase, [$"{BackupService.KeysPath} does not open with this passphrase"], manifest);
        }

        if (!request.Force)
        {
            var holding = await storage.HoldingDataAsync(cancellationToken);
            if (holding.Count > 0)
                return RestoreResult.Refused(RestoreOutcome.NotEmpty, [.. holding.Select(h => $"{h} holds data")], manifest);
        }

        var tables = new Dictionary<string, long>();
        foreach (var file in manifest.Files.Where(f => f.Kind == SnapshotFile.TableKind))
        {
            await using var stream = await request.Snapshot.OpenAsync(file.Path, cancellationToken);
            if (stream is null) { tables[file.Set] = 0; continue; } // contact data dropped by retention
            long rows = 0;
            var batch = new List<BackupEntity>(EntitiesPerWrite);
            await foreach (var entity in SnapshotTableFile.ReadAsync(stream, cancellationToken))
            {
                batch.Add(entity);
                rows++;
                if (batch.Count == EntitiesPerWrite)
                {
                    await storage.WriteEntitiesAsync(file.Set, batch, cancellationToken);
                    batch = new List<BackupEntity>(EntitiesPerWrite);
                }
            }
            if (batch.Count > 0) await storage.WriteEntitiesAsync(file.Set, batch, cancellationToken);
            tables[file.Set] = rows;
        }

        var containers = new Dictionary<string, long>();
        foreach (var file in manifest.Files.Where(f => f.Kind == SnapshotFile.BlobKind))
        {
            await using var stream = await request.Snapshot.OpenAsync(file.Path, cancellationToken);
            if (stream is null) continue;
            await storage.WriteBlobAsync(file.Set, file.Blob!, file.ContentType, stream, cancellationToken);
            containers[file.Set] = containers.GetValueOrDefault(file.Set) + 1;
        }

        if (keys is not null) await request.Keys!.WriteAsync(keys, cancellationToken);
        return new RestoreResult(RestoreOutcome.Restored, [], manifest, tables, containers, keys is null ? [] : [.. keys.Keys.Order(StringComparer.Ordinal)]);
    }

    /// <summary>A manifest names files inside its snapshot only: no rooted path, no "..".</summary>
    private static bool SafePath(string path) =>
        path.Length > 0 && !path.StartsWith('/') && !path.Contains('\\') && path.Split('/').All(p => p is not ("" or "." or ".."));
}
