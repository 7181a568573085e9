using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
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
        var e = response.Value!;
        return new DeliveryRecord(company, contentHash, e.GetString("FileName"), e.GetString("Status"),
            e.GetInt32("Rows") ?? 0, e.GetDateTimeOffset("StartedAt") ?? default, e.GetDateTimeOffset("CompletedAt"));
    }

    public Task SaveDeliveryAsync(DeliveryRecord record, CancellationToken cancellationToken) =>
        deliveries.UpsertEntityAsync(new TableEntity(record.Company, record.ContentHash)
        {
            ["FileName"] = record.FileName,
            ["Status"] = record.Status,
            ["Rows"] = record.Rows,
            ["StartedAt"] = record.StartedAt,
            ["CompletedAt"] = record.CompletedAt,
        }, TableUpdateMode.Replace, cancellationToken);

    public async Task<IReadOnlyDictionary<string, string>> KnownServicesAsync(string company, int year, CancellationToken cancellationToken)
    {
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        var filter = $"PartitionKey eq {TableKeys.Quote(TableKeys.CompanyYear(company, year))}";
        await foreach (var e in services.QueryAsync<TableEntity>(filter, select: ["RowKey", ServiceColumns.DeliveryId], cancellationToken: cancellationToken))
            known[e.RowKey] = e.GetString(ServiceColumns.DeliveryId) ?? "";
        return known;
    }

    public async Task SaveServicesAsync(string company, int year, IReadOnlyList<NewService> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0) return;
        var partition = TableKeys.CompanyYear(company, year);
        // Contacts first: a service row is only written once its contact data is there.
        await contacts.SubmitTransactionAsync(
            batch.Select(s => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ServiceEntities.Contact(partition, s))),
            cancellationToken);
        await services.SubmitTransactionAsync(
            batch.Select(s => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ServiceEntities.Service(partition, s))),
            cancellationToken);
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
