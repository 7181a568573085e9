using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using Kto.Core.Deliveries;
using Kto.Core.Exports;

namespace Kto.Infrastructure.Deliveries;

/// <summary>
/// A receipt's rejected rows and warnings as a spreadsheet the company can sort and work through: one line per issue
/// (soort, rij, klantnummer, kolom, code, wat te doen). Text goes through <see cref="SpreadsheetText"/>, like every export.
/// </summary>
public sealed class ReceiptSheets : IReceiptSheets
{
    private static readonly string[] Header = ["Soort", "Rij", "Klantnummer", "Kolom", "Code", "Wat te doen"];

    public byte[] Csv(Receipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var csv = new StringBuilder();
        CsvLine.Append(csv, Header);
        foreach (var line in Lines(receipt)) CsvLine.Append(csv, line);
        // With a BOM, so Excel reads the accents right.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    public byte[] Xlsx(Receipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Ontvangstbewijs");
        for (var c = 0; c < Header.Length; c++) sheet.Cell(1, c + 1).Value = Header[c];
        sheet.Row(1).Style.Font.Bold = true;
        var r = 2;
        foreach (var line in Lines(receipt))
        {
            for (var c = 0; c < line.Length; c++)
            {
                // The row number stays a number (it sorts); everything else is text, never a formula.
                if (c == 1 && int.TryParse(line[c], NumberStyles.None, CultureInfo.InvariantCulture, out var row)) sheet.Cell(r, c + 1).Value = row;
                else sheet.Cell(r, c + 1).Value = SpreadsheetText.Neutralise(line[c]);
            }
            r++;
        }
        sheet.SheetView.FreezeRows(1);
        // Fixed widths, as the report's sheets: measuring text needs fonts a server may not have.
        double[] widths = [14, 8, 16, 24, 22, 90];
        for (var c = 0; c < widths.Length; c++) sheet.Column(c + 1).Width = widths[c];
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static IEnumerable<string?[]> Lines(Receipt receipt)
    {
        if (receipt.Refusal is { } refusal) yield return Line("geweigerd", refusal);
        foreach (var issue in receipt.Rejected) yield return Line("afgekeurd", issue);
        foreach (var issue in receipt.Warnings) yield return Line("waarschuwing", issue);
    }

    private static string?[] Line(string kind, DeliveryIssue issue) =>
        [kind, issue.Row?.ToString(CultureInfo.InvariantCulture), issue.Klantnummer, issue.Column, issue.Code, issue.Message];
}
