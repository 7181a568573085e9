using System.Text;
using ClosedXML.Excel;
using Kto.Core.Deliveries;
using Kto.Core.Settings;

namespace Kto.Core.Tests.Deliveries;

/// <summary>Builds delivery files in memory (CSV bytes in a chosen encoding, real .xlsx workbooks) and parses them.</summary>
internal static class DeliveryFiles
{
    /// <summary>"Today" for every test: einddatum after this is in the future.</summary>
    public static readonly DateOnly Today = new(2025, 6, 30);

    public const string Header = "klantnummer;voornaam;achternaam;email;telefoon;adres;postcode;woonplaats;perceel;startdatum;einddatum";

    static DeliveryFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Windows1252 => Encoding.GetEncoding(1252);

    public static DeliveryParser Parser(DeliverySettings? settings = null) => new(settings ?? new DeliverySettings());

    /// <summary>A complete, valid data row for <see cref="Header"/>.</summary>
    public static string Row(string klantnummer = "K1001", string email = "jan@example.nl", string perceel = "Naar werk",
        string einddatum = "15-03-2025", string telefoon = "0612345678", string startdatum = "01-09-2024") =>
        $"{klantnummer};Jan;Jansen;{email};{telefoon};Dorpsstraat 1;1234 AB;Utrecht;{perceel};{startdatum};{einddatum}";

    public static MemoryStream Csv(string text, Encoding? encoding = null, bool byteOrderMark = false)
    {
        encoding ??= new UTF8Encoding(false);
        var bytes = encoding.GetBytes(text);
        if (byteOrderMark) bytes = [.. encoding.GetPreamble(), .. bytes];
        return new MemoryStream(bytes);
    }

    public static MemoryStream Csv(params string[] lines) => Csv(string.Join("\r\n", lines) + "\r\n");

    /// <summary>A real .xlsx whose first sheet holds the given rows (row 1 first); null leaves a cell empty.</summary>
    public static MemoryStream Xlsx(params object?[][] rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Levering");
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                var cell = sheet.Cell(r + 1, c + 1);
                switch (rows[r][c])
                {
                    case null:
                        break;
                    case string text:
                        // Stored as text, so ClosedXML does not turn "0612345678" into a number.
                        cell.SetValue(text);
                        cell.DataType = XLDataType.Text;
                        break;
                    case DateTime date:
                        cell.SetValue(date);
                        break;
                    case double number:
                        cell.SetValue(number);
                        break;
                    default:
                        throw new ArgumentException($"Unsupported test cell {rows[r][c]}");
                }
            }
        }
        // A second sheet that must never be read.
        workbook.AddWorksheet("Andere").Cell(1, 1).SetValue("niet lezen");
        var stream = new MemoryStream();
        workbook.SaveAs(stream);
        stream.Position = 0;
        return stream;
    }

    public static Parsed Parse(Stream content, string fileName = "levering.csv", DeliverySettings? settings = null)
    {
        var parser = Parser(settings);
        var inspection = parser.Inspect(content, fileName);
        var rows = inspection.Refusal is null
            ? parser.ReadRows(content, fileName, inspection, Today).ToList()
            : [];
        return new Parsed(inspection, rows);
    }

    public static Parsed ParseCsv(params string[] lines) => Parse(Csv(lines));

    /// <summary>Every text a receipt could show for this file: refusal, warnings, rejections, columns.</summary>
    public static IEnumerable<string> AllReceiptText(Parsed parsed)
    {
        var issues = new List<DeliveryIssue>();
        if (parsed.Inspection.Refusal is { } refusal) issues.Add(refusal);
        issues.AddRange(parsed.Inspection.Warnings);
        foreach (var row in parsed.Rows)
        {
            issues.AddRange(row.Rejections);
            issues.AddRange(row.Warnings);
        }
        return issues.SelectMany(issue => new[] { issue.Message, issue.Column ?? "", issue.Code });
    }
}
