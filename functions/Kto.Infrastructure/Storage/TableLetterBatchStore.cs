using Azure;
using Azure.Storage.Blobs;
using Kto.Core.Letters;

namespace Kto.Infrastructure.Storage;

/// <summary>Letter batches in the letterbatches table (<see cref="LetterBatchRows"/>) and their PDFs in blob <c>letters/</c>.</summary>
public sealed class TableLetterBatchStore(TableServiceClient tables, BlobServiceClient blobs) : ILetterBatchStore
{
    private readonly TableClient table = tables.GetTableClient(StorageNames.LetterBatchesTable);
    private readonly BlobContainerClient letters = blobs.GetBlobContainerClient(StorageNames.LettersContainer);

    public async Task<string> YearVersionAsync(string company, int year, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(company, LetterBatchRows.YearRow(year), cancellationToken: cancellationToken);
        return found.HasValue ? found.Value!.ETag.ToString() : "";
    }

    /// <summary>The batch row in one transaction with the year row: a year that changed since it was read adds no batch.</summary>
    public Task<bool> TryStartAsync(LetterBatch batch, string yearVersion, CancellationToken cancellationToken) =>
        TrySubmitAsync([new(TableTransactionActionType.Add, LetterBatchRows.Write(batch)), YearAction(batch, yearVersion, "made")], cancellationToken);

    public async Task<LetterBatch?> TryUpdateAsync(LetterBatch batch, CancellationToken cancellationToken)
    {
        try
        {
            var response = await table.UpdateEntityAsync(LetterBatchRows.Progress(batch), new ETag(batch.Version), TableUpdateMode.Merge, cancellationToken);
            return batch with { Version = response.Headers.ETag?.ToString() ?? "" };
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return null;
        }
    }

    public async Task SaveItemsAsync(LetterBatch batch, IReadOnlyList<LetterBatchItem> items, CancellationToken cancellationToken)
    {
        foreach (var chunk in items.Chunk(100))
            await table.SubmitTransactionAsync(
                chunk.Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace, LetterBatchRows.WriteItem(batch, i))), cancellationToken);
    }

    public async Task DeleteItemsAsync(LetterBatch batch, CancellationToken cancellationToken)
    {
        var items = await ItemsAsync(batch.Company, batch.Id, cancellationToken);
        foreach (var chunk in items.Chunk(100))
            await table.SubmitTransactionAsync(
                chunk.Select(i => new TableTransactionAction(TableTransactionActionType.Delete, LetterBatchRows.WriteItem(batch, i), ETag.All)), cancellationToken);
    }

    public Task SavePartAsync(LetterBatch batch, int part, byte[] pdf, CancellationToken cancellationToken) =>
        letters.GetBlobClient(LetterBatchRows.PartBlob(batch, part)).UploadAsync(BinaryData.FromBytes(pdf), overwrite: true, cancellationToken);

    public Task<byte[]?> ReadPartAsync(LetterBatch batch, int part, CancellationToken cancellationToken) =>
        ReadAsync(LetterBatchRows.PartBlob(batch, part), cancellationToken);

    public async Task DeletePartsAsync(LetterBatch batch, CancellationToken cancellationToken)
    {
        await foreach (var blob in letters.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, LetterBatchRows.PartPrefix(batch), cancellationToken))
            await letters.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken);
    }

    public Task SavePdfAsync(LetterBatch batch, byte[] pdf, CancellationToken cancellationToken) =>
        letters.GetBlobClient(LetterBatchRows.PdfBlob(batch)).UploadAsync(BinaryData.FromBytes(pdf), overwrite: true, cancellationToken);

    public async Task<LetterBatch?> GetAsync(string company, string batchId, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(company, batchId, cancellationToken: cancellationToken);
        return found.HasValue ? LetterBatchRows.Read(found.Value!) : null;
    }

    public async Task<IReadOnlyList<LetterBatch>> ListAsync(string company, CancellationToken cancellationToken)
    {
        var list = new List<LetterBatch>();
        await foreach (var e in table.QueryAsync<TableEntity>($"PartitionKey eq {TableKeys.Quote(company)}", cancellationToken: cancellationToken))
            if (!LetterBatchRows.IsYearRow(e))
                list.Add(LetterBatchRows.Read(e));
        return list;
    }

    public async Task<IReadOnlyList<LetterBatchItem>> ItemsAsync(string company, string batchId, CancellationToken cancellationToken)
    {
        var list = new List<LetterBatchItem>();
        var partition = LetterBatchRows.ItemPartition(company, batchId);
        await foreach (var e in table.QueryAsync<TableEntity>($"PartitionKey eq {TableKeys.Quote(partition)}", cancellationToken: cancellationToken))
            list.Add(LetterBatchRows.ReadItem(e));
        return list;
    }

    public Task<bool> TryMarkPostedAsync(LetterBatch batch, string yearVersion, DateTimeOffset at, string by, DateTimeOffset recordingUntil,
        CancellationToken cancellationToken) =>
        TrySubmitAsync([
            new(TableTransactionActionType.UpdateMerge, LetterBatchRows.Posted(batch, at, by, recordingUntil), new ETag(batch.Version)),
            YearAction(batch, yearVersion, "posted"),
        ], cancellationToken);

    public async Task<bool> TryClaimRecordingAsync(LetterBatch batch, DateTimeOffset until, CancellationToken cancellationToken)
    {
        try
        {
            await table.UpdateEntityAsync(LetterBatchRows.Recording(batch, until), new ETag(batch.Version), TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return false;
        }
    }

    public Task MarkAttemptsRecordedAsync(LetterBatch batch, CancellationToken cancellationToken) =>
        table.UpdateEntityAsync(LetterBatchRows.Recorded(batch), ETag.All, TableUpdateMode.Merge, cancellationToken);

    /// <summary>The year row's write: added when the year has no row yet (a batch made before year rows existed, too), else replaced at its version.</summary>
    private static TableTransactionAction YearAction(LetterBatch batch, string yearVersion, string change) => yearVersion.Length == 0
        ? new(TableTransactionActionType.Add, LetterBatchRows.WriteYear(batch, change))
        : new(TableTransactionActionType.UpdateReplace, LetterBatchRows.WriteYear(batch, change), new ETag(yearVersion));

    /// <summary>One transaction in the company's partition; false when a row it adds exists or a row it updates changed.</summary>
    private async Task<bool> TrySubmitAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    public Task<byte[]?> ReadPdfAsync(LetterBatch batch, CancellationToken cancellationToken) =>
        ReadAsync(LetterBatchRows.PdfBlob(batch), cancellationToken);

    private async Task<byte[]?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var content = await letters.GetBlobClient(name).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public Task DeletePdfAsync(LetterBatch batch, CancellationToken cancellationToken) =>
        letters.GetBlobClient(LetterBatchRows.PdfBlob(batch)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
}
