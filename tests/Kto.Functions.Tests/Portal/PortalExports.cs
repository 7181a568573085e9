using ClosedXML.Excel;

namespace Kto.Functions.Tests.Portal;

/// <summary>An .xlsx monthly export as a company's system writes it: two good rows and one with an unknown perceel.</summary>
public static class PortalExports
{
    public static DateTime EndDate { get; } = DateTime.Today.AddDays(-20);

    public static byte[] Xlsx()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Export");
        string[] header = ["klantnummer", "voornaam", "achternaam", "email", "telefoon", "perceel", "einddatum"];
        for (var c = 0; c < header.Length; c++) sheet.Cell(1, c + 1).Value = header[c];
        object[][] rows =
        [
            ["K1001", "Sam", "Jansen", "sam@example.nl", "0612345678", "Naar werk", EndDate],
            ["K1002", "Noor", "Bakker", "", "0612345679", "Naar werk", EndDate], // kept, with a warning: no e-mail address
            ["K1003", "Lex", "Visser", "lex@example.nl", "0612345670", "Ergens heen", EndDate],
        ];
        for (var r = 0; r < rows.Length; r++)
            for (var c = 0; c < rows[r].Length; c++)
                {
                var cell = sheet.Cell(r + 2, c + 1);
                if (rows[r][c] is DateTime d) cell.Value = d; else cell.Value = (string)rows[r][c];
            }
        using var file = new MemoryStream();
        workbook.SaveAs(file);
        return file.ToArray();
    }
}
