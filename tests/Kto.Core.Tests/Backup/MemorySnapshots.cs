using System.Runtime.CompilerServices;
using Kto.Core.Backup;

namespace Kto.Core.Tests.Backup;

/// <summary>Snapshot files in memory: one snapshot, or an archive of named ones.</summary>
public sealed class MemorySnapshot(string location = "memory") : ISnapshotFiles
{
    public Dictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    public string Location => location;

    public Task<Stream> CreateAsync(string path, CancellationToken cancellationToken) => Task.FromResult<Stream>(new Capture(this, path));

    /// <summary>Every path asked for, in order.</summary>
    public List<string> Opened { get; } = [];

    public Task<Stream?> OpenAsync(string path, CancellationToken cancellationToken)
    {
        Opened.Add(path);
        return Task.FromResult<Stream?>(Files.TryGetValue(path, out var bytes) ? new MemoryStream(bytes, writable: false) : null);
    }

    private sealed class Capture(MemorySnapshot owner, string path) : MemoryStream
    {
        protected override void Dispose(bool disposing)
        {
            if (disposing) owner.Files[path] = ToArray();
            base.Dispose(disposing);
        }
    }
}

public sealed class MemoryArchive : ISnapshotArchive
{
    public Dictionary<string, MemorySnapshot> Snapshots { get; } = new(StringComparer.Ordinal);

    /// <summary>False: no backup account, as a stack without one.</summary>
    public bool Configured { get; init; } = true;

    public Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([.. Snapshots.Keys]);

    public ISnapshotFiles Open(string name)
    {
        if (!Snapshots.TryGetValue(name, out var snapshot)) Snapshots[name] = snapshot = new MemorySnapshot(name);
        return snapshot;
    }

    public Task DeleteAsync(string name, IReadOnlyCollection<string>? paths, CancellationToken cancellationToken)
    {
        if (paths is null) Snapshots.Remove(name);
        else foreach (var path in paths) Snapshots[name].Files.Remove(path);
        return Task.CompletedTask;
    }
}

/// <summary>A stack's storage in memory: tables of rows, containers of blobs, a count of signed reports.</summary>
public sealed class MemoryStackStorage : IStackStorage
{
    public Dictionary<string, List<BackupEntity>> Rows { get; } = new(StringComparer.Ordinal) { ["services"] = [], ["contacts"] = [] };
    public Dictionary<string, Dictionary<string, byte[]>> Blobs { get; } = new(StringComparer.Ordinal) { ["reports"] = [], ["letters"] = [] };
    public int Signed { get; set; }

    public IReadOnlyList<StoredSet> Tables => [new("services", false), new("contacts", true)];
    public IReadOnlyList<StoredSet> Containers => [new("reports", false), new("letters", true)];

    public async IAsyncEnumerable<BackupEntity> ReadTableAsync(string table, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var row in Rows[table].OrderBy(r => r.PartitionKey, StringComparer.Ordinal).ThenBy(r => r.RowKey, StringComparer.Ordinal))
        {
            await Task.Yield();
            yield return row;
        }
    }

    public async IAsyncEnumerable<StoredBlob> ListBlobsAsync(string container, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var name in Blobs[container].Keys.Order(StringComparer.Ordinal))
        {
            await Task.Yield();
            yield return new StoredBlob(name, "application/pdf");
        }
    }

    public Task<Stream> OpenBlobAsync(string container, string name, CancellationToken cancellationToken) =>
        Task.FromResult<Stream>(new MemoryStream(Blobs[container][name]));

    public Task<int> SignedReportsAsync(CancellationToken cancellationToken) => Task.FromResult(Signed);

    public Task<IReadOnlyList<string>> HoldingDataAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([.. Rows.Where(t => t.Value.Count > 0).Select(t => $"table {t.Key}"),
            .. Blobs.Where(c => c.Value.Count > 0).Select(c => $"container {c.Key}")]);

    public Task WriteEntitiesAsync(string table, IReadOnlyList<BackupEntity> entities, CancellationToken cancellationToken)
    {
        var rows = Rows[table];
        foreach (var entity in entities)
        {
            rows.RemoveAll(r => r.PartitionKey == entity.PartitionKey && r.RowKey == entity.RowKey);
            rows.Add(entity);
        }
        return Task.CompletedTask;
    }

    public async Task WriteBlobAsync(string container, string name, string? contentType, Stream content, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        Blobs[container][name] = buffer.ToArray();
    }
}
