using Kto.Core.Fieldwork;
using Kto.Core.Letters;

namespace Kto.Infrastructure.Storage;

/// <summary>
/// The one mapper of the letterbatches table. A batch row: partition = company, row key = batch id. Its clients:
/// partition = <c>{company}_{batch id}</c>, row key = service id, with the letter's step (0 = first letter, n =
/// reminder n). No contact data: names and addresses are only in the batch's PDF (blob <c>letters/</c>).
/// The year row: partition = company, row key = <c>year-{year}</c>; its ETag is the year's version, changed in the same
/// transaction as every batch row added and every batch marked posted (the serialisation of making and posting).
/// </summary>
public static class LetterBatchRows
{
    public const string Year = "Year";
    public const string CreatedAt = "CreatedAt";
    public const string CreatedBy = "CreatedBy";
    public const string FirstLetters = "FirstLetters";
    public const string ReminderLetters = "ReminderLetters";
    public const string PostedAt = "PostedAt";
    public const string PostedBy = "PostedBy";
    public const string Letter = "Letter";
    public const string RecordingUntil = "RecordingUntil";
    public const string AttemptsRecorded = "AttemptsRecorded";
    public const string State = "State";
    public const string Total = "Total";
    public const string Done = "Done";
    public const string PerPart = "PerPart";
    public const string WorkingUntil = "WorkingUntil";
    public const string LastBatch = "LastBatch";
    public const string LastChange = "LastChange";

    private const string YearRowPrefix = "year-";

    public static string YearRow(int year) => $"{YearRowPrefix}{year}";

    public static bool IsYearRow(TableEntity e) => e.RowKey.StartsWith(YearRowPrefix, StringComparison.Ordinal);

    /// <summary>The year row as written with a batch made or posted (what changed last, for whoever reads the table).</summary>
    public static TableEntity WriteYear(LetterBatch b, string change) => new(b.Company, YearRow(b.Year))
    {
        [LastBatch] = b.Id,
        [LastChange] = change,
    };

    public static string ItemPartition(string company, string batchId) => $"{company}_{batchId}";

    /// <summary>A new batch: what never changes (year, made when and by whom) and its progress.</summary>
    public static TableEntity Write(LetterBatch b)
    {
        var entity = Progress(b);
        entity[Year] = b.Year;
        entity[CreatedAt] = b.CreatedAt;
        entity[CreatedBy] = b.CreatedBy;
        return entity;
    }

    /// <summary>The merge of a batch's background run: state, counts, progress, lease.</summary>
    public static TableEntity Progress(LetterBatch b) => new(b.Company, b.Id)
    {
        [FirstLetters] = b.FirstLetters,
        [ReminderLetters] = b.ReminderLetters,
        [State] = b.State.ToString(),
        [Total] = b.Total,
        [Done] = b.Done,
        [PerPart] = b.PerPart,
        [WorkingUntil] = b.WorkingUntil,
    };

    /// <summary>The merge that marks a batch posted.</summary>
    public static TableEntity Posted(LetterBatch b, DateTimeOffset at, string by, DateTimeOffset recordingUntil) => new(b.Company, b.Id)
    {
        [PostedAt] = at,
        [PostedBy] = by,
        [RecordingUntil] = recordingUntil,
    };

    public static TableEntity Recording(LetterBatch b, DateTimeOffset until) => new(b.Company, b.Id) { [RecordingUntil] = until };

    public static TableEntity Recorded(LetterBatch b) => new(b.Company, b.Id) { [AttemptsRecorded] = true };

    public static LetterBatch Read(TableEntity e) => new(
        e.RowKey, e.PartitionKey, e.GetInt32(Year) ?? 0, e.GetDateTimeOffset(CreatedAt) ?? default, e.GetString(CreatedBy) ?? "",
        e.GetInt32(FirstLetters) ?? 0, e.GetInt32(ReminderLetters) ?? 0, e.GetDateTimeOffset(PostedAt), e.GetString(PostedBy),
        e.ETag.ToString(), e.GetDateTimeOffset(RecordingUntil), e.GetBoolean(AttemptsRecorded) ?? false,
        // Rows from before background runs have no state: they were made whole, so ready.
        Enum.TryParse<LetterBatchState>(e.GetString(State), out var state) ? state : LetterBatchState.Ready,
        e.GetInt32(Total), e.GetInt32(Done) ?? 0, e.GetInt32(PerPart) ?? 0, e.GetDateTimeOffset(WorkingUntil));

    public static TableEntity WriteItem(LetterBatch b, LetterBatchItem item) => new(ItemPartition(b.Company, b.Id), item.ServiceId)
    {
        [Letter] = item.Letter.Number,
    };

    public static LetterBatchItem ReadItem(TableEntity e) => new(e.RowKey, new ContactStep(e.GetInt32(Letter) ?? 0));

    /// <summary>The PDF's blob: by company and year, so retention removes it with the year's contact data.</summary>
    public static string PdfBlob(LetterBatch b) => $"{b.Company}/{b.Year}/{b.Id}.pdf";

    /// <summary>A part the background run drew (merged into <see cref="PdfBlob"/> at its end, then removed).</summary>
    public static string PartBlob(LetterBatch b, int part) => $"{PartPrefix(b)}{part:D5}.pdf";

    public static string PartPrefix(LetterBatch b) => $"{b.Company}/{b.Year}/{b.Id}.part-";

    /// <summary>Every letter PDF of a company and year (what retention deletes).</summary>
    public static string PdfPrefix(string company, int year) => $"{company}/{year}/";
}
