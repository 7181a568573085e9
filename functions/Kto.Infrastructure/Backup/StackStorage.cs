using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Kto.Core.Backup;
using Kto.Infrastructure.Storage;

namespace Kto.Infrastructure.Backup;

/// <summary>
/// The app's own tables and containers (<see cref="StorageNames"/>) as a backup reads them and a restore writes them.
/// </summary>
public sealed class StackStorage(BlobServiceClient blobs, TableServiceClient tables) : IStackStorage
{
    /// <summary>Contact data: names, addresses, e-mail, phone (tables), raw exports and letter PDFs (containers).</summary>
    private static readonly HashSet<string> Personal = new(StringComparer.Ordinal)
    {
        StorageNames.ContactsTable, StorageNames.OpdrachtgeverContactsTable,
        "blob:" + StorageNames.DeliveriesContainer, "blob:" + StorageNames.LettersContainer,
    };

    /// <summary>
    /// Tables a fresh stack writes by itself (./kto up's bureau user and its sign-in link and audit line, timer runs,
    /// the throttle, kept overview figures), so a stack with only these counts as empty for a restore.
    /// </summary>
    public static IReadOnlySet<string> StartUpTables { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        StorageNames.UsersTable, StorageNames.SignInLinksTable, StorageNames.SessionsTable, StorageNames.AuditTable,
        StorageNames.MailRunsTable, StorageNames.JobStateTable, StorageNames.OverviewSnapshotsTable,
    };

    private const int RowsPerTransaction = 100;
    /// <summary>A transaction's body may hold 4 MiB; rows are sent on well before.</summary>
    private const long BytesPerTransaction = 2 * 1024 * 1024;

    /// <summary>
    /// Tables whose rows are added only after their service's row is marked (<see cref="ServiceColumns.MayHaveResponse"/>,
    /// <see cref="ServiceColumns.MayHaveCorrections"/>): read before the services, so a snapshot never holds such a row
    /// while its service's row, read later, is unmarked.
    /// </summary>
    private static readonly HashSet<string> MarkedFirst = new(StringComparer.Ordinal)
    {
        StorageNames.ResponsesTable, StorageNames.CorrectionsTable, StorageNames.OpdrachtgeverResponsesTable,
    };

    public IReadOnlyList<StoredSet> Tables { get; } =
        [.. StorageNames.Tables.OrderBy(t => MarkedFirst.Contains(t) ? 0 : 1).Select(t => new StoredSet(t, Personal.Contains(t)))];

    public IReadOnlyList<StoredSet> Containers { get; } = [.. StorageNames.Containers.Select(c => new StoredSet(c, Personal.Contains("blob:" + c)))];

    public async IAsyncEnumerable<BackupEntity> ReadTableAsync(string table, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var client = tables.GetTableClient(table);
        var rows = client.QueryAsync<TableEntity>(cancellationToken: cancellationToken);
        await using var enumerator = rows.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await enumerator.MoveNextAsync()) yield break;
            }
            catch (RequestFailedException e) when (e.Status == 404) { yield break; } // a table never created holds nothing
            yield return BackupEntities.From(enumerator.Current);
        }
    }

    public async IAsyncEnumerable<StoredBlob> ListBlobsAsync(string container, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var client = blobs.GetBlobContainerClient(container);
        if (!await client.ExistsAsync(cancellationToken)) yield break;
        await foreach (var blob in client.GetBlobsAsync(cancellationToken: cancellationToken))
            yield return new StoredBlob(blob.Name, blob.Properties.ContentType);
    }

    public async Task<Stream> OpenBlobAsync(string container, string name, CancellationToken cancellationToken) =>
        await blobs.GetBlobContainerClient(container).GetBlobClient(name).OpenReadAsync(cancellationToken: cancellationToken);

    public async Task<int> SignedReportsAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        try
        {
            await foreach (var _ in tables.GetTableClient(StorageNames.ReportsTable).QueryAsync<TableEntity>(
                               e => e.PartitionKey == ReportRows.VerifyPartition, select: ["RowKey"], cancellationToken: cancellationToken))
                count++;
        }
        catch (RequestFailedException e) when (e.Status == 404) { }
        return count;
    }

    public async Task<IReadOnlyList<string>> HoldingDataAsync(CancellationToken cancellationToken)
    {
        var holding = new List<string>();
        foreach (var table in StorageNames.Tables.Where(t => !StartUpTables.Contains(t)))
        {
            try
            {
                await foreach (var _ in tables.GetTableClient(table).QueryAsync<TableEntity>(maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken))
                {
                    holding.Add($"table {table}");
                    break;
                }
            }
            catch (RequestFailedException e) when (e.Status == 404) { }
        }
        foreach (var container in StorageNames.Containers)
        {
            var client = blobs.GetBlobContainerClient(container);
            if (!await client.ExistsAsync(cancellationToken)) continue;
            await foreach (var _ in client.GetBlobsAsync(cancellationToken: cancellationToken))
            {
                holding.Add($"container {container}");
                break;
            }
        }
        return holding;
    }

    public async Task WriteEntitiesAsync(string table, IReadOnlyList<BackupEntity> entities, CancellationToken cancellationToken)
    {
        var client = tables.GetTableClient(table);
        await client.CreateIfNotExistsAsync(cancellationToken);
        foreach (var partition in entities.GroupBy(e => e.PartitionKey))
        {
            var actions = new List<TableTransactionAction>();
            long bytes = 0;
            foreach (var entity in partition)
            {
                var size = entity.Properties.Sum(p => (long)p.Value.Length * 2 + p.Name.Length * 2) + 1024;
                if (actions.Count == RowsPerTransaction || (actions.Count > 0 && bytes + size > BytesPerTransaction))
                {
                    await client.SubmitTransactionAsync(actions, cancellationToken);
                    actions = [];
                    bytes = 0;
                }
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, BackupEntities.To(entity)));
                bytes += size;
            }
            if (actions.Count > 0) await client.SubmitTransactionAsync(actions, cancellationToken);
        }
    }

    public async Task WriteBlobAsync(string container, string name, string? contentType, Stream content, CancellationToken cancellationToken)
    {
        var client = blobs.GetBlobContainerClient(container);
        await client.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await client.GetBlobClient(name).UploadAsync(content, new BlobUploadOptions
        {
            HttpHeaders = contentType is null ? null : new BlobHttpHeaders { ContentType = contentType },
        }, cancellationToken);
    }
}
