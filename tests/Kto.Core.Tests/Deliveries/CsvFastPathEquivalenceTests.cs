using System.Globalization;
using System.Text;
using Kto.Core.Deliveries;
using static Kto.Core.Tests.Deliveries.DeliveryFiles;

namespace Kto.Core.Tests.Deliveries;

/// <summary>
/// The CSV passes read cells as bytes where they can (the census settles a cell without decoding it, the row pass
/// makes no string for a cell it never reads or for a plainly written date). Their answers must be the ones of the
/// plain way, kept here as the reference: every cell read as text (<see cref="IRowSource.Rows()"/>), counted with
/// <see cref="DeliveryCensus.Count"/> and validated as it is; the way a workbook is read, and the CSV was before.
/// The files are generated with the cells exports get wrong: quotes, a byte order mark, either separator, white space,
/// empty lines, non-ASCII names, invalid e-mail addresses, dates in every accepted form and some that are none, BSNs.
/// </summary>
public sealed class CsvFastPathEquivalenceTests
{
    private const string Columns = "klantnummer|voornaam|tussenvoegsel|achternaam|e-mailadres|telefoon|adres|postcode|woonplaats|perceel|startdatum|einddatum|reden beëindiging|opdrachtgever|consulent";

    [Theory]
    [InlineData(1, ';', false, "\n")]
    [InlineData(2, ',', true, "\r\n")]
    [InlineData(3, ';', true, "\r\n")]
    [InlineData(4, ',', false, "\n")]
    [InlineData(5, '\t', true, "\n")]
    public void Accepted_files_give_the_rows_the_plain_reading_gives(int seed, char separator, bool byteOrderMark, string lineEnd)
    {
        var bytes = GeneratedFile(new Random(seed), separator, byteOrderMark, lineEnd, bsnShare: 0.01, Encoding.UTF8);
        var parser = Parser();
        var inspection = parser.Inspect(new MemoryStream(bytes), "levering.csv");
        Assert.Null(inspection.Refusal);
        var layout = (DeliveryLayout)inspection.Layout!;
        Assert.Equal(separator, layout.Separator);

        var expected = ReferenceRows(bytes, layout);
        var actual = parser.ReadRows(new MemoryStream(bytes), "levering.csv", inspection, Today).ToList();
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++) AssertSameRow(expected[i], actual[i]);

        // The file exercised what it is meant to: accepted and rejected rows, warnings, and dates read from their bytes
        // as well as dates that are none (so the text way was taken too).
        Assert.Contains(actual, row => row.Service is not null);
        Assert.Contains(actual, row => row.Rejections.Any(r => r.Code == DeliveryCodes.BsnValue));
        Assert.Contains(actual, row => row.Rejections.Any(r => r.Code == DeliveryCodes.InvalidDate));
        Assert.Contains(actual, row => row.Warnings.Any(w => w.Code == DeliveryCodes.InvalidEmail));
        Assert.Contains(actual, row => row.Service?.Startdatum is not null);
        Assert.True(actual.Count > 1500, $"{actual.Count} rows");
    }

    [Theory]
    [InlineData(11, ';', "utf-8")]
    [InlineData(12, ',', "windows-1252")]
    [InlineData(13, ';', "windows-1252")]
    public void The_census_counts_as_the_plain_reading_counts(int seed, char separator, string encodingName)
    {
        var encoding = encodingName == "utf-8" ? Encoding.UTF8 : Windows1252;
        // Every tenth row has a BSN somewhere: columns of them and columns with a few, so each share means something.
        var bytes = GeneratedFile(new Random(seed), separator, byteOrderMark: encodingName == "utf-8", "\r\n", bsnShare: 0.1, encoding);
        var inspection = Parser().Inspect(new MemoryStream(bytes), "levering.csv");
        var layout = (DeliveryLayout)inspection.Layout!;

        var fast = new DeliveryCensus();
        using (var source = layout.Open(new MemoryStream(bytes))) source.CountRows(fast, layout.HeaderRow);
        var plain = new DeliveryCensus();
        using (var source = layout.Open(new MemoryStream(bytes)))
            foreach (var row in source.Rows())
                if (row.Number > layout.HeaderRow && !row.IsEmpty) plain.Count(row);

        Assert.Equal(plain.DataRows, fast.DataRows);
        Assert.Equal(plain.SawBsn, fast.SawBsn);
        Assert.Equal(plain.FilledColumns, fast.FilledColumns);
        // Each column's share of BSNs, one column at a time (the others left out), at a few thresholds.
        var all = Enumerable.Range(0, 20).ToHashSet();
        foreach (var column in all)
        {
            var others = all.Where(c => c != column).ToHashSet();
            foreach (var share in new[] { 0.001, 0.01, 0.014, 0.02, 0.5, 1.0 })
                Assert.Equal(plain.BsnColumn(share, others), fast.BsnColumn(share, others));
        }
        Assert.True(plain.SawBsn && plain.DataRows > 1500, $"{plain.DataRows} rows, BSN seen: {plain.SawBsn}");
        Assert.NotNull(plain.BsnColumn(0.01, new HashSet<int>()));
    }

    [Theory]
    [InlineData("15-03-2025", 2025, 3, 15)]
    [InlineData("5/3/2025", 2025, 3, 5)]
    [InlineData("05.03.2025", 2025, 3, 5)]
    [InlineData("2025-03-15", 2025, 3, 15)]
    [InlineData("2024-2-29", 2024, 2, 29)]
    public void A_plain_date_is_read_from_its_bytes_as_from_its_text(string text, int year, int month, int day)
    {
        Assert.True(DeliveryDates.TryParsePlain(Encoding.UTF8.GetBytes(text), out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
        Assert.True(DeliveryDates.TryParse(text, out var fromText));
        Assert.Equal(fromText, date);
    }

    [Theory]
    [InlineData("31-02-2025")]        // the shape, but no day
    [InlineData(" 15-03-2025")]       // white space: left to the text way, which trims
    [InlineData("15-03-2025 10:00")]  // with a time
    [InlineData("15-03/2025")]        // two separators
    [InlineData("20250315")]          // compact
    [InlineData("15-03-25")]          // a two-digit year
    [InlineData("١٥-03-2025")]        // non-ASCII digits
    public void Anything_else_is_left_to_the_text_way(string text) =>
        Assert.False(DeliveryDates.TryParsePlain(Encoding.UTF8.GetBytes(text), out _));

    [Fact]
    public void A_row_filled_only_outside_the_contract_is_a_row_and_one_of_white_space_is_not()
    {
        // "opmerking" is not in the contract, so its cells are only told filled or blank from their bytes. A row with a
        // letter there ("x", "é", " é") is a row the company wrote: it is rejected for what it lacks, as the plain reading
        // does; one of white space only (ASCII, or a no-break space) is an empty line and skipped. Rows 2–4 are the
        // filled ones, 5 and 6 the blank ones, 7 a complete service.
        var parsed = ParseCsv("klantnummer;perceel;einddatum;opmerking",
            ";;;x", ";;;é", ";;; é", ";;; \u00A0 ", ";;;\t", "K1;Naar werk;15-03-2025;");

        Assert.Equal([2, 3, 4, 7], parsed.Rows.Select(r => r.Row));
        Assert.All(parsed.Rows.Take(3), row => Assert.Equal(
            [DeliveryCodes.MissingKlantnummer, DeliveryCodes.UnknownPerceel, DeliveryCodes.MissingEinddatum], row.Rejections.Select(r => r.Code)));
        Assert.Equal("K1", parsed.Rows[3].Service?.Klantnummer);
    }

    private static List<DeliveryRow> ReferenceRows(byte[] bytes, DeliveryLayout layout)
    {
        var validator = new DeliveryRowValidator(layout, new Kto.Core.Settings.DeliverySettings(), Today);
        using var source = layout.Open(new MemoryStream(bytes));
        return [.. source.Rows().Where(row => row.Number > layout.HeaderRow && !row.IsEmpty).Select(validator.Validate)];
    }

    private static void AssertSameRow(DeliveryRow expected, DeliveryRow actual)
    {
        Assert.Equal(expected.Row, actual.Row);
        Assert.Equal(expected.Service, actual.Service);
        Assert.Equal(expected.Rejections, actual.Rejections);
        Assert.Equal(expected.Warnings, actual.Warnings);
    }

    private static byte[] GeneratedFile(Random random, char separator, bool byteOrderMark, string lineEnd, double bsnShare, Encoding encoding)
    {
        var text = new StringBuilder();
        // Sometimes a title line above the header, as some exports write.
        if (random.Next(2) == 0) text.Append("Export klanten").Append(lineEnd);
        text.Append(string.Join(separator, Columns.Split('|'))).Append(lineEnd);
        for (var i = 0; i < 2000; i++)
        {
            if (random.Next(40) == 0) { text.Append(lineEnd); continue; }
            if (random.Next(80) == 0) { text.Append(new string(separator, 14)).Append(lineEnd); continue; }
            string[] cells =
            [
                Pick(random, $"K{100000 + i}", $" K{i} ", $"{100000 + i}", "", $"\"K{i}\"", $"K{i}-{i % 7}"),
                Pick(random, "Jan", "Zoë", "Ömer", "José", " Anne-Marie ", "", "\"Jan, \"\"Johnny\"\"\"", "Ñuño"),
                Pick(random, "", "van der", "de", " van "),
                Pick(random, "Jansen", "Yılmaz", "Çelik", "\"Bakker; Smit\"", "O'Neill", "  Visser", "Łukasz"),
                Pick(random, $"klant{i}@example.nl", $"KLANT.{i}@Voorbeeld.NL", "geen", "jan@@example.nl", $"jan{i}@example", " jan@example.nl ", "", "zoë@example.nl", "a..b@example.nl", "jan@xn--bcher-kva.nl"),
                Pick(random, "0612345678", "06-12345678", "+31 6 12345678", "612345678", "", "6.12345678E+08", "0031612345678"),
                Pick(random, "Dorpsstraat 1", "\"Laan 2, achter\"", "", "Kerkweg 10a"),
                Pick(random, "1234 AB", "1234AB", "", " 9999 ZZ "),
                Pick(random, "Utrecht", "'s-Hertogenbosch", "Den Haag", "", "Leeuwarden"),
                Pick(random, "Naar werk", "Werkfit maken", "naar-werk", "Praktijkassessment", "Modulaire Re-integratiediensten", "onbekend", "", " Naar Werk "),
                Pick(random, Date(random), Date(random), "", "31-02-2024", "gisteren", " 01-09-2024 "),
                Pick(random, Date(random), Date(random), Date(random), "", "2099-01-01", "1-1-2019", "32-01-2025", "15-03-2025 14:30", "20250115"),
                Pick(random, "Werk gevonden", "Einde traject", "", "Verhuisd"),
                Pick(random, "UWV", "Gemeente Zwolle", ""),
                Pick(random, "J. de Boer", "", "\"B, C\""),
            ];
            // Now and then a BSN where it does not belong: written plain, grouped, or wrapped as Excel text.
            if (random.NextDouble() < bsnShare)
            {
                var column = Pick(random, 0, 1, 3, 6, 14, 5, 11);
                cells[column] = Pick(random, "111222333", "123.456.782", "\"=\"\"123456782\"\"\"", "12345672", " 111 222 333 ");
            }
            if (separator != ';')
                for (var c = 0; c < cells.Length; c++)
                    if (cells[c].Contains(separator) && !cells[c].StartsWith('"')) cells[c] = "\"" + cells[c].Replace("\"", "\"\"") + "\"";
            text.Append(string.Join(separator, cells)).Append(lineEnd);
        }
        var bytes = encoding.GetBytes(text.ToString());
        return byteOrderMark ? [.. encoding.GetPreamble(), .. bytes] : bytes;
    }

    /// <summary>A date in 2024–2025 in one of the written forms the contract accepts.</summary>
    private static string Date(Random random)
    {
        var date = new DateOnly(2024, 1, 1).AddDays(random.Next(540));
        var format = Pick(random, "dd-MM-yyyy", "d-M-yyyy", "d/M/yyyy", "dd/MM/yyyy", "dd.MM.yyyy", "yyyy-MM-dd", "yyyy-M-d", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm:ss");
        return date.ToDateTime(new TimeOnly(random.Next(24), 0)).ToString(format, CultureInfo.InvariantCulture);
    }

    private static T Pick<T>(Random random, params T[] values) => values[random.Next(values.Length)];
}
