using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Kto.Core.Letters;

namespace Kto.Infrastructure.Storage;

/// <summary>Letter batches in the letterbatches table (<see cref="LetterBatchRows"/>) and their PDFs in blob <c>letters/</c>.</summary>
public sealed class TableLetterBatchStore(TableServiceClient tables, BlobServiceClient blobs) : ILetterBatchStore
{
    private readonly TableClient table = tables.GetTableClient(StorageNames.LetterBatchesTable);
    private readonly BlobContainerClient letters = blobs.GetBlobContainerClient(StorageNames.LettersContainer);

    public async Task SaveAsync(LetterBatch batch, IReadOnlyList<LetterBatchItem> items, byte[] pdf, CancellationToken cancellationToken)
    {
        foreach (var chunk in items.Chunk(100))
            await table.SubmitTransactionAsync(
                chunk.Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace, LetterBatchRows.WriteItem(batch, i))), cancellationToken);
        await letters.GetBlobClient(LetterBatchRows.PdfBlob(batch)).UploadAsync(BinaryData.FromBytes(pdf), overwrite: true, cancellationToken);
        // The batch row last: a crash before it leaves no batch anyone can mark posted.
        await table.AddEntityAsync(LetterBatchRows.Write(batch), cancellationToken);
    }

    public async Task<LetterBatch?> GetAsync(string company, string batchId, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(company, batchId, cancellationToken: cancellationToken);
        return found.HasValue ? LetterBatchRows.Read(found.Value!) : null;
    }

    public async Task<IReadOnlyList<LetterBatch>> ListAsync(string company, CancellationToken cancellationToken)
    {
        var list = new List<LetterBatch>();
        await foreach (var e in table.QueryAsync<TableEntity>($"PartitionKey eq {TableKeys.Quote(company)}", cancellationToken: cancellationToken))
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

    public async Task<bool> TryMarkPostedAsync(LetterBatch batch, DateTimeOffset at, string by, CancellationToken cancellationToken)
    {
        try
        {
            await table.UpdateEntityAsync(LetterBatchRows.Posted(batch, at, by), new ETag(batch.Version), TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return false;
        }
    }

    public async Task<byte[]?> ReadPdfAsync(LetterBatch batch, CancellationToken cancellationToken)
    {
        try
        {
            var content = await letters.GetBlobClient(LetterBatchRows.PdfBlob(batch)).DownloadContentAsync(cancellationToken);
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
