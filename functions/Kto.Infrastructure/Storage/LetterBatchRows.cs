using Azure.Data.Tables;
using Kto.Core.Fieldwork;
using Kto.Core.Letters;

namespace Kto.Infrastructure.Storage;

/// <summary>
/// The one mapper of the letterbatches table. A batch row: partition = company, row key = batch id. Its clients:
/// partition = <c>{company}_{batch id}</c>, row key = service id, with the letter's step (0 = first letter, n =
/// reminder n). No contact data: names and addresses are only in the batch's PDF (blob <c>letters/</c>).
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

    public static string ItemPartition(string company, string batchId) => $"{company}_{batchId}";

    public static TableEntity Write(LetterBatch b) => new(b.Company, b.Id)
    {
        [Year] = b.Year,
        [CreatedAt] = b.CreatedAt,
        [CreatedBy] = b.CreatedBy,
        [FirstLetters] = b.FirstLetters,
        [ReminderLetters] = b.ReminderLetters,
    };

    /// <summary>The merge that marks a batch posted.</summary>
    public static TableEntity Posted(LetterBatch b, DateTimeOffset at, string by) => new(b.Company, b.Id)
    {
        [PostedAt] = at,
        [PostedBy] = by,
    };

    public static LetterBatch Read(TableEntity e) => new(
        e.RowKey, e.PartitionKey, e.GetInt32(Year) ?? 0, e.GetDateTimeOffset(CreatedAt) ?? default, e.GetString(CreatedBy) ?? "",
        e.GetInt32(FirstLetters) ?? 0, e.GetInt32(ReminderLetters) ?? 0, e.GetDateTimeOffset(PostedAt), e.GetString(PostedBy),
        e.ETag.ToString());

    public static TableEntity WriteItem(LetterBatch b, LetterBatchItem item) => new(ItemPartition(b.Company, b.Id), item.ServiceId)
    {
        [Letter] = item.Letter.Number,
    };

    public static LetterBatchItem ReadItem(TableEntity e) => new(e.RowKey, new ContactStep(e.GetInt32(Letter) ?? 0));

    /// <summary>The PDF's blob: by company and year, so retention removes it with the year's contact data.</summary>
    public static string PdfBlob(LetterBatch b) => $"{b.Company}/{b.Year}/{b.Id}.pdf";

    /// <summary>Every letter PDF of a company and year (what retention deletes).</summary>
    public static string PdfPrefix(string company, int year) => $"{company}/{year}/";
}
