using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Kto.Core;
using Kto.Core.Deliveries;

namespace Kto.Infrastructure.Storage;

/// <summary>
/// Deliveries ledger and services in Table storage, receipts as JSON blobs. Contact data goes to its own table
/// (same keys) so it can be deleted on its own schedule while the pseudonymous service stays.
/// </summary>
public sealed class TableDeliveryStore(TableServiceClient tables, BlobServiceClient blobs) : IDeliveryStore
{
    private readonly TableClient deliveries = tables.GetTableClient(StorageNames.DeliveriesTable);
    private readonly TableClient services = tables.GetTableClient(StorageNames.ServicesTable);
    private readonly TableClient contacts = tables.GetTableClient(StorageNames.ContactsTable);
    private readonly BlobContainerClient receipts = blobs.GetBlobContainerClient(StorageNames.ReceiptsContainer);

    public async Task<DeliveryRecord?> FindDeliveryAsync(string company, string contentHash, CancellationToken cancellationToken)
    {
        var response = await deliveries.GetEntityIfExistsAsync<TableEntity>(company, contentHash, cancellationToken: cancellationToken);
        if (!response.HasValue) return null;
        return DeliveryRows.Read(response.Value!);
    }

    public async IAsyncEnumerable<DeliveryRecord> StalledDeliveriesAsync(DateTimeOffset startedBefore,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The ledger is small (one row per delivered file); the filter runs on the service side. The column names are
        // DeliveryRows.Status and .StartedAt, written out: CreateQueryFilter would quote an interpolated name as a value.
        var filter = TableClient.CreateQueryFilter($"Status eq {DeliveryStatus.Processing} and StartedAt lt {startedBefore}");
        await foreach (var e in deliveries.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            yield return DeliveryRows.Read(e);
    }

    public Task SaveDeliveryAsync(DeliveryRecord record, CancellationToken cancellationToken) =>
        deliveries.UpsertEntityAsync(DeliveryRows.Write(record), TableUpdateMode.Replace, cancellationToken);

    public async Task<IReadOnlyDictionary<string, string>> KnownServicesAsync(string company, int year, CancellationToken cancellationToken)
    {
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        var filter = $"PartitionKey eq {TableKeys.Quote(TableKeys.CompanyYear(company, year))}";
        await foreach (var e in services.QueryAsync<TableEntity>(filter, select: ServiceRows.KnownColumns, cancellationToken: cancellationToken))
            known[e.RowKey] = ServiceRows.Read(e).DeliveryId ?? "";
        return known;
    }

    public async Task InsertServicesAsync(string company, int year, IReadOnlyList<NewService> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0) return;
        var partition = TableKeys.CompanyYear(company, year);
        // Contacts first: a service row is only written once its contact data is there.
        await InsertAsync(contacts, batch.Select(s => ContactRows.New(partition, s)).ToList(), cancellationToken);
        await InsertAsync(services, batch.Select(s => ServiceRows.New(partition, s)).ToList(), cancellationToken);
    }

    /// <summary>
    /// Adds the rows in one transaction; when one already exists (a run that died between the two tables, or a
    /// concurrent run of the same file) the transaction fails whole, and the rows are added one by one, leaving
    /// every existing row as it is. Never an upsert: that would reset a service's fieldwork state.
    /// </summary>
    internal static async Task InsertAsync(TableClient table, IReadOnlyList<TableEntity> rows, CancellationToken cancellationToken)
    {
        try
        {
            await table.SubmitTransactionAsync(rows.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)), cancellationToken);
            return;
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
        }
        foreach (var row in rows)
        {
            try
            {
                await table.AddEntityAsync(row, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
            }
        }
    }

    public async Task SaveReceiptAsync(Receipt receipt, CancellationToken cancellationToken)
    {
        var blob = receipts.GetBlobClient(ReceiptBlobName(receipt.Company, receipt.File));
        var json = JsonSerializer.SerializeToUtf8Bytes(receipt, KtoJson.Options);
        await blob.UploadAsync(new BinaryData(json), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
        }, cancellationToken);
    }

    public async Task<Receipt?> GetReceiptAsync(string company, string file, CancellationToken cancellationToken)
    {
        try
        {
            var content = await receipts.GetBlobClient(ReceiptBlobName(company, file)).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToObjectFromJson<Receipt>(KtoJson.Options);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public static string ReceiptBlobName(string company, string file) => $"{company}/{file}.json";
}
