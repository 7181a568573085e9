namespace Kto.Core.Backup;

/// <summary>
/// Writes a dated, self-describing snapshot of every table and container the app owns: one JSON Lines file per table
/// (rows with their types), each blob as a file, the sealed local keys when asked, and last the manifest with counts
/// and SHA-256 per file. The same code writes to a folder (<c>./kto backup</c>) and to the backup storage account
/// (the nightly timer). Tables are read one after another: rows written meanwhile may or may not be in it.
/// </summary>
public sealed class BackupService(IStackStorage storage, TimeProvider time)
{
    public const string KeysPath = "keys/local-keys.bin";

    public static string TablePath(string table) => $"tables/{table}.jsonl";

    public static string BlobPath(string container, string blob) => $"blobs/{container}/{blob}";

    public async Task<SnapshotManifest> WriteAsync(BackupRequest request, CancellationToken cancellationToken)
    {
        var createdAt = time.GetUtcNow();
        // Sealed first: a missing passphrase stops the backup before anything is written.
        byte[]? sealedKeys = null;
        IReadOnlyList<string> keyNames = [];
        if (request.Keys is not null)
        {
            if (string.IsNullOrEmpty(request.Passphrase)) throw new ArgumentException("A passphrase is needed to include the local keys.", nameof(request));
            var keys = await request.Keys.ReadAsync(cancellationToken);
            sealedKeys = KeyBundle.Seal(keys, request.Passphrase);
            keyNames = [.. keys.Keys.Order(StringComparer.Ordinal)];
        }

        var files = new List<SnapshotFile>();
        foreach (var table in storage.Tables)
        {
            var path = TablePath(table.Name);
            long rows = 0;
            var (bytes, sha) = await WriteFileAsync(request.Target, path, async stream =>
            {
                await foreach (var entity in storage.ReadTableAsync(table.Name, cancellationToken))
                {
                    await SnapshotTableFile.WriteAsync(stream, entity, cancellationToken);
                    rows++;
                }
            }, cancellationToken);
            files.Add(new SnapshotFile(path, SnapshotFile.TableKind, table.Name, null, null, rows, bytes, sha, table.HoldsPersonalData));
        }

        foreach (var container in storage.Containers)
            await foreach (var blob in storage.ListBlobsAsync(container.Name, cancellationToken))
            {
                var path = BlobPath(container.Name, blob.Name);
                var (bytes, sha) = await WriteFileAsync(request.Target, path, async stream =>
                {
                    await using var source = await storage.OpenBlobAsync(container.Name, blob.Name, cancellationToken);
                    await source.CopyToAsync(stream, cancellationToken);
                }, cancellationToken);
                files.Add(new SnapshotFile(path, SnapshotFile.BlobKind, container.Name, blob.Name, blob.ContentType, 1, bytes, sha, container.HoldsPersonalData));
            }

        if (sealedKeys is not null)
        {
            var (bytes, sha) = await WriteFileAsync(request.Target, KeysPath, stream => stream.WriteAsync(sealedKeys, cancellationToken).AsTask(), cancellationToken);
            files.Add(new SnapshotFile(KeysPath, SnapshotFile.KeysKind, "keys", null, null, keyNames.Count, bytes, sha, Personal: false));
        }

        var manifest = new SnapshotManifest(SnapshotManifest.CurrentFormat, request.Name, createdAt,
            await storage.SignedReportsAsync(cancellationToken), keyNames, files);
        // The manifest last: a snapshot without one is incomplete and never restored.
        await using (var stream = await request.Target.CreateAsync(SnapshotManifest.FileName, cancellationToken))
            await stream.WriteAsync(manifest.ToJson(), cancellationToken);
        return manifest;
    }

    private static async Task<(long Bytes, string Sha256)> WriteFileAsync(ISnapshotFiles target, string path, Func<Stream, Task> write, CancellationToken cancellationToken)
    {
        await using var file = await target.CreateAsync(path, cancellationToken);
        await using var hashing = new HashingWriteStream(file);
        await write(hashing);
        await hashing.FlushAsync(cancellationToken);
        return (hashing.Written, hashing.Sha256());
    }
}
