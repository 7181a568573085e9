namespace Kto.Core.Backup;

/// <summary>
/// The storage of a running stack as a backup reads it and a restore writes it: every table and container the app
/// owns, rows with their types, blobs as streams.
/// </summary>
public interface IStackStorage
{
    IReadOnlyList<StoredSet> Tables { get; }

    IReadOnlyList<StoredSet> Containers { get; }

    /// <summary>Every row of a table, partition by partition (the order Table storage returns).</summary>
    IAsyncEnumerable<BackupEntity> ReadTableAsync(string table, CancellationToken cancellationToken);

    IAsyncEnumerable<StoredBlob> ListBlobsAsync(string container, CancellationToken cancellationToken);

    Task<Stream> OpenBlobAsync(string container, string name, CancellationToken cancellationToken);

    /// <summary>How many signed report PDFs the stack knows (what makes a snapshot worth keeping past its retention).</summary>
    Task<int> SignedReportsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The tables and containers that hold data a restore would overwrite; empty for a fresh stack (rows a stack
    /// writes by itself on its first start, such as the local bureau user and timer runs, do not count).
    /// </summary>
    Task<IReadOnlyList<string>> HoldingDataAsync(CancellationToken cancellationToken);

    /// <summary>Writes rows as they are (insert or replace by their keys), creating the table when missing.</summary>
    Task WriteEntitiesAsync(string table, IReadOnlyList<BackupEntity> entities, CancellationToken cancellationToken);

    /// <summary>Writes a blob (replacing one of the same name), creating the container when missing.</summary>
    Task WriteBlobAsync(string container, string name, string? contentType, Stream content, CancellationToken cancellationToken);
}
