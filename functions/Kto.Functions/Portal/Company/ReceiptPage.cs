using Kto.Core.Portal;

namespace Kto.Functions.Portal;

/// <summary>receipt.liquid: what became of a delivered file, row by row, with the receipt as files.</summary>
public sealed record ReceiptPage(CompanyLinks Company, string File, ReceiptPage.Outcome Receipt, string JsonUrl, string CsvUrl, string XlsxUrl)
{
    /// <param name="RejectedCount">Rejected rows, not issues: a row with two problems is one rejected row.</param>
    public sealed record Outcome(
        string Status,
        bool Refused,
        bool Duplicate,
        string? Refusal,
        int Rows,
        int Accepted,
        int Duplicates,
        int RejectedCount,
        string? RefusalColumn,
        ShownDate Processed,
        List<Issue> Rejected,
        List<Issue> Warnings);

    /// <summary>One problem; "–" where the row, column or klantnummer is unknown.</summary>
    public sealed record Issue(string Row, string Column, string Klantnummer, string Message);
}
