using System.Text;
using ClosedXML.Excel;
using Kto.Core.Deliveries;
using Kto.Infrastructure.Deliveries;

namespace Kto.Functions.Tests.Portal;

/// <summary>Issue 26 item 9: the receipt as a spreadsheet, one line per issue with the klantnummer, never a formula.</summary>
public sealed class ReceiptSheetsTests
{
    private static readonly Receipt Receipt = new()
    {
        Company = "acme", File = "maart.csv", Status = Receipt.Statuses.Accepted, Rows = 3, Accepted = 2,
        Rejected = [new DeliveryIssue(4, "perceel", DeliveryCodes.UnknownPerceel, "Dit perceel kennen wij niet.", "=K1003")],
        Warnings = [new DeliveryIssue(2, "email", DeliveryCodes.NoEmail, "Geen e-mailadres.")],
    };

    [Fact]
    public void The_xlsx_has_a_line_per_issue_with_the_row_as_a_number_and_text_never_as_a_formula()
    {
        using var workbook = new XLWorkbook(new MemoryStream(new ReceiptSheets().Xlsx(Receipt)));
        var sheet = workbook.Worksheet(1);
        Assert.Equal(["Soort", "Rij", "Klantnummer", "Kolom", "Code", "Wat te doen"], sheet.Row(1).Cells(1, 6).Select(c => c.GetString()));
        Assert.Equal(("afgekeurd", 4, "perceel"), (sheet.Cell(2, 1).GetString(), sheet.Cell(2, 2).GetValue<int>(), sheet.Cell(2, 4).GetString()));
        Assert.EndsWith("=K1003", sheet.Cell(2, 3).GetString());
        Assert.Equal(XLDataType.Text, sheet.Cell(2, 3).DataType); // text, never a formula
        Assert.False(sheet.Cell(2, 3).HasFormula);
        Assert.Equal(("waarschuwing", ""), (sheet.Cell(3, 1).GetString(), sheet.Cell(3, 3).GetString()));
    }

    [Fact]
    public void The_csv_is_semicolon_separated_utf8_with_a_bom_and_neutralised()
    {
        var bytes = new ReceiptSheets().Csv(Receipt);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("\"Soort\";\"Rij\";\"Klantnummer\";\"Kolom\";\"Code\";\"Wat te doen\"", lines[0]);
        Assert.StartsWith("\"afgekeurd\";\"4\";\"'=K1003\";\"perceel\";\"unknown-perceel\"", lines[1]);
        Assert.Equal(3, lines.Length);
    }
}
