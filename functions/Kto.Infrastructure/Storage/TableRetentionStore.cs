using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Kto.Core.Privacy;

namespace Kto.Infrastructure.Storage;

/// <summary>Deletes contact rows per company-year partition and raw delivery blobs by upload time.</summary>
public sealed class TableRetentionStore(TableServiceClient tables, BlobServiceClient blobs) : IRetentionStore
{
    private readonly TableClient contacts = tables.GetTableClient(StorageNames.ContactsTable);
    private readonly BlobContainerClient deliveries = blobs.GetBlobContainerClient(StorageNames.DeliveriesContainer);

    public async Task<int> DeleteContactsAsync(string company, int year, CancellationToken cancellationToken)
    {
        var partition = TableKeys.CompanyYear(company, year);
        var keys = new List<string>();
        await foreach (var e in contacts.QueryAsync<TableEntity>($"PartitionKey eq {TableKeys.Quote(partition)}", select: ["RowKey"], cancellationToken: cancellationToken))
            keys.Add(e.RowKey);
        foreach (var chunk in keys.Chunk(100))
            await contacts.SubmitTransactionAsync(
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
