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
    /// Adds the row of a batch being made (<see cref="LetterBatchState.Making"/>) together with a new year version, only
    /// when the year is still at <paramref name="yearVersion"/>: false when another batch was made or posted since.
    /// </summary>
    Task<bool> TryStartAsync(LetterBatch batch, string yearVersion, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the batch's state, counts, progress and lease, only when the row is still at <see cref="LetterBatch.Version"/>:
    /// the batch with its new version, or null when it changed since (given up by another, or a step ran twice).
    /// </summary>
    Task<LetterBatch?> TryUpdateAsync(LetterBatch batch, CancellationToken cancellationToken);

    /// <summary>Stores which clients the batch has and which letter each gets (written again, the same rows).</summary>
    Task SaveItemsAsync(LetterBatch batch, IReadOnlyList<LetterBatchItem> items, CancellationToken cancellationToken);

    /// <summary>Removes the batch's clients (what a stopped try at finding them left).</summary>
    Task DeleteItemsAsync(LetterBatch batch, CancellationToken cancellationToken);

    Task SavePartAsync(LetterBatch batch, int part, byte[] pdf, CancellationToken cancellationToken);

    Task<byte[]?> ReadPartAsync(LetterBatch batch, int part, CancellationToken cancellationToken);

    /// <summary>Removes every PDF part of the batch (once merged, or when its run failed).</summary>
    Task DeletePartsAsync(LetterBatch batch, CancellationToken cancellationToken);

    Task SavePdfAsync(LetterBatch batch, byte[] pdf, CancellationToken cancellationToken);

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
