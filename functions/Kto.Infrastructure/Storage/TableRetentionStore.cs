using Azure.Storage.Blobs;
using Kto.Core.Privacy;

namespace Kto.Infrastructure.Storage;

/// <summary>
/// Deletes contact rows per company-year partition (clients' and opdrachtgevers', Blik op Werk; and empties the
/// bureau's notes on corrections and deletes the letter PDFs of that partition), tokens by their service's year, and
/// raw delivery blobs by upload time. A deleted token is also forgotten by this process's <see cref="RecentTokens"/>.
/// </summary>
public sealed class TableRetentionStore(TableServiceClient tables, BlobServiceClient blobs, RecentTokens recentTokens) : IRetentionStore
{
    private readonly TableClient contacts = tables.GetTableClient(StorageNames.ContactsTable);
    private readonly TableClient opdrachtgeverContacts = tables.GetTableClient(StorageNames.OpdrachtgeverContactsTable);
    private readonly TableClient tokens = tables.GetTableClient(StorageNames.TokensTable);
    private readonly TableClient corrections = tables.GetTableClient(StorageNames.CorrectionsTable);
    private readonly BlobContainerClient deliveries = blobs.GetBlobContainerClient(StorageNames.DeliveriesContainer);
    private readonly BlobContainerClient letters = blobs.GetBlobContainerClient(StorageNames.LettersContainer);

    /// <summary>
    /// Walks the company's partitions in key order, one small query per partition: each asks for the first row
    /// after the partition found last, so the cost follows the number of years, not the number of clients.
    /// </summary>
    public async Task<IReadOnlyList<int>> ContactYearsAsync(string company, CancellationToken cancellationToken) =>
        [.. (await YearsAsync(contacts, company, cancellationToken)).Union(await YearsAsync(opdrachtgeverContacts, company, cancellationToken)).Order()];

    private static async Task<IReadOnlyList<int>> YearsAsync(TableClient contacts, string company, CancellationToken cancellationToken)
    {
        var prefix = TableKeys.CompanyYear(company, 0)[..^1]; // "{company}_"
        var end = prefix[..^1] + (char)(prefix[^1] + 1);      // the first key after every "{company}_…"
        var years = new List<int>();
        var after = prefix;
        while (true)
        {
            var filter = $"PartitionKey gt {TableKeys.Quote(after)} and PartitionKey lt {TableKeys.Quote(end)}";
            TableEntity? row = null;
            // The pageable skips the empty pages a range query may return before its first row.
            await foreach (var e in contacts.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken))
            {
                row = e;
                break;
            }
            if (row is null) return years;
            if (int.TryParse(row.PartitionKey[prefix.Length..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year))
                years.Add(year);
            after = row.PartitionKey;
        }
    }

    public async Task<int> DeleteTokensAsync(Func<int, bool> expired, CancellationToken cancellationToken)
    {
        var doomed = new List<(string Partition, string Row)>();
        await foreach (var e in tokens.QueryAsync<TableEntity>(select: TokenRows.RetentionColumns, cancellationToken: cancellationToken))
            if (e.GetInt32(TokenRows.Year) is { } year && expired(year))
                doomed.Add((e.PartitionKey, e.RowKey));
        // Tokens are spread over 256 partitions by hash; a transaction holds one partition.
        foreach (var partition in doomed.GroupBy(t => t.Partition))
            foreach (var chunk in partition.Chunk(100))
            {
                await tokens.SubmitTransactionAsync(
                    chunk.Select(t => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(t.Partition, t.Row))), cancellationToken);
                foreach (var (_, hash) in chunk) recentTokens.Forget(hash);
            }
        return doomed.Count;
    }

    public async Task<int> DeleteContactsAsync(string company, int year, CancellationToken cancellationToken)
    {
        var partition = TableKeys.CompanyYear(company, year);
        // The bureau's notes on corrections may name a client and letter PDFs print names and addresses: they go first,
        // so a crash in between leaves the clients' contact rows, which make the next run find this year again.
        await foreach (var e in corrections.QueryAsync<TableEntity>($"PartitionKey eq {TableKeys.Quote(partition)} and {CorrectionRows.Note} gt ''",
                           select: ["RowKey"], cancellationToken: cancellationToken))
            await corrections.UpdateEntityAsync(CorrectionRows.NoteCleared(partition, e.RowKey), Azure.ETag.All, TableUpdateMode.Merge, cancellationToken);
        await foreach (var blob in letters.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, LetterBatchRows.PdfPrefix(company, year), cancellationToken))
            await letters.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken);
        return await DeletePartitionAsync(opdrachtgeverContacts, partition, cancellationToken) + await DeletePartitionAsync(contacts, partition, cancellationToken);
    }

    private static async Task<int> DeletePartitionAsync(TableClient table, string partition, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var e in table.QueryAsync<TableEntity>($"PartitionKey eq {TableKeys.Quote(partition)}", select: ["RowKey"], cancellationToken: cancellationToken))
            keys.Add(e.RowKey);
        foreach (var chunk in keys.Chunk(100))
            await table.SubmitTransactionAsync(
                chunk.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, k))), cancellationToken);
        return keys.Count;
    }

    public async Task<int> DeleteRawDeliveriesAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var deleted = 0;
        await foreach (var blob in deliveries.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            if (blob.Properties.CreatedOn is not { } created || created >= before) continue;
            await deliveries.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken);
            deleted++;
        }
        return deleted;
    }
}
