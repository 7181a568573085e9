namespace Kto.Core.Letters;

/// <summary>
/// Letter batches (which clients, which letter, posted or not) and the PDF of each. Making and posting the batches of
/// one company and year are serialised by the year's version (one row per company and year, changed by every batch made
/// and every batch marked posted, in the same write): a batch computed from an older state is never stored.
/// </summary>
public interface ILetterBatchStore
{
    /// <summary>The version of the company's letter year; "" while no batch of that year was made.</summary>
    Task<string> YearVersionAsync(string company, int year, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the batch: its clients and PDF first, then the batch row together with a new year version, only when the
    /// year is still at <paramref name="yearVersion"/>. False when another batch was made or posted since: then nothing
    /// of this batch stays (a batch without a row does not exist; its PDF is removed).
    /// </summary>
    Task<bool> TrySaveAsync(LetterBatch batch, IReadOnlyList<LetterBatchItem> items, byte[] pdf, string yearVersion, CancellationToken cancellationToken);

    /// <summary>The batch with its current version, or null.</summary>
    Task<LetterBatch?> GetAsync(string company, string batchId, CancellationToken cancellationToken);

    /// <summary>Every batch of the company, oldest first.</summary>
    Task<IReadOnlyList<LetterBatch>> ListAsync(string company, CancellationToken cancellationToken);

    Task<IReadOnlyList<LetterBatchItem>> ItemsAsync(string company, string batchId, CancellationToken cancellationToken);

    /// <summary>
    /// Sets posted time and person, and the claim on writing its attempts until <paramref name="recordingUntil"/>, together
    /// with a new year version: only when neither the batch nor the year changed since they were read; false otherwise.
    /// </summary>
    Task<bool> TryMarkPostedAsync(LetterBatch batch, string yearVersion, DateTimeOffset at, string by, DateTimeOffset recordingUntil,
        CancellationToken cancellationToken);

    /// <summary>Takes over writing a posted batch's attempts until <paramref name="until"/> when the batch is unchanged since read.</summary>
    Task<bool> TryClaimRecordingAsync(LetterBatch batch, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Notes that every letter attempt of the posted batch is written.</summary>
    Task MarkAttemptsRecordedAsync(LetterBatch batch, CancellationToken cancellationToken);

    /// <summary>The batch's PDF, or null when it was removed (replaced, or the year's contact data deleted).</summary>
    Task<byte[]?> ReadPdfAsync(LetterBatch batch, CancellationToken cancellationToken);

    /// <summary>Removes the PDF of a replaced batch: it carries names and addresses nobody will post.</summary>
    Task DeletePdfAsync(LetterBatch batch, CancellationToken cancellationToken);
}
