namespace Kto.Core.Letters;

/// <summary>Letter batches (which clients, which letter, posted or not) and the PDF of each.</summary>
public interface ILetterBatchStore
{
    /// <summary>Stores the batch: its clients and PDF first, the batch row last (a batch without a row does not exist).</summary>
    Task SaveAsync(LetterBatch batch, IReadOnlyList<LetterBatchItem> items, byte[] pdf, CancellationToken cancellationToken);

    /// <summary>The batch with its current version, or null.</summary>
    Task<LetterBatch?> GetAsync(string company, string batchId, CancellationToken cancellationToken);

    /// <summary>Every batch of the company, oldest first.</summary>
    Task<IReadOnlyList<LetterBatch>> ListAsync(string company, CancellationToken cancellationToken);

    Task<IReadOnlyList<LetterBatchItem>> ItemsAsync(string company, string batchId, CancellationToken cancellationToken);

    /// <summary>Sets posted time and person when the batch is unchanged since it was read; false when it changed.</summary>
    Task<bool> TryMarkPostedAsync(LetterBatch batch, DateTimeOffset at, string by, CancellationToken cancellationToken);

    /// <summary>The batch's PDF, or null when it was removed (replaced, or the year's contact data deleted).</summary>
    Task<byte[]?> ReadPdfAsync(LetterBatch batch, CancellationToken cancellationToken);

    /// <summary>Removes the PDF of a replaced batch: it carries names and addresses nobody will post.</summary>
    Task DeletePdfAsync(LetterBatch batch, CancellationToken cancellationToken);
}
