using System.Text;
using ClosedXML.Excel;
using Kto.Core.Deliveries;
using Kto.Core.Settings;
using static Kto.Core.Tests.Deliveries.DeliveryFiles;

namespace Kto.Core.Tests.Deliveries;

/// <summary>Caps before cost: hostile files end in a small refusal, found in the first pass.</summary>
public class DeliveryCapsTests
{
    private static MemoryStream HeaderAndOnes(int lines)
    {
        var text = new StringBuilder("klantnummer;perceel;einddatum\n", lines * 2 + 40);
        for (var i = 0; i < lines; i++) text.Append("1\n");
        return Csv(text.ToString());
    }

    [Fact]
    public void A_header_and_three_million_lines_of_1_is_refused_as_too_many_rows()
    {
        var parsed = Parse(HeaderAndOnes(3_000_000));
        Assert.Equal(DeliveryCodes.TooManyRows, parsed.Inspection.Refusal?.Code);
        Assert.Contains("100000", parsed.Inspection.Refusal?.Message);
    }

    [Fact]
    public void The_row_cap_is_a_setting_and_the_cap_itself_is_allowed()
    {
        var settings = new DeliverySettings { MaxRows = 5 };
        Assert.Null(Parse(HeaderAndOnes(5), settings: settings).Inspection.Refusal);
        Assert.Equal(DeliveryCodes.TooManyRows, Parse(HeaderAndOnes(6), settings: settings).Inspection.Refusal?.Code);
    }

    [Fact]
    public void A_value_past_the_column_cap_refuses_the_file_and_empty_trailing_separators_do_not()
    {
        var settings = new DeliverySettings { MaxColumns = 10 };
        var padded = Parse(Csv("klantnummer;perceel;einddatum" + new string(';', 50), "K1;Naar werk;15-03-2025" + new string(';', 50)), settings: settings);
        Assert.Null(padded.Inspection.Refusal);
        Assert.NotNull(padded.Service);

        var wide = Parse(Csv("klantnummer;perceel;einddatum", "K1;Naar werk;15-03-2025" + new string(';', 20) + "x"), settings: settings);
        Assert.Equal(DeliveryCodes.TooManyColumns, wide.Inspection.Refusal?.Code);

        var wideHeader = Parse(Csv("klantnummer;perceel;einddatum" + new string(';', 20) + "extra", "K1;Naar werk;15-03-2025"), settings: settings);
        Assert.Equal(DeliveryCodes.TooManyColumns, wideHeader.Inspection.Refusal?.Code);
    }

    [Fact]
    public void A_value_in_the_last_column_allowed_is_read_and_one_column_further_refuses_the_file()
    {
        // MaxColumns = 5: a value in the fifth column is allowed (a column without a name, so a warning), one in the
        // sixth is past the cap.
        var settings = new DeliverySettings { MaxColumns = 5 };

        var atCap = Parse(Csv("klantnummer;perceel;einddatum", "K1;Naar werk;15-03-2025;;x"), settings: settings);
        Assert.Null(atCap.Inspection.Refusal);
        Assert.Equal("K1", atCap.Service.Klantnummer);

        var pastCap = Parse(Csv("klantnummer;perceel;einddatum", "K1;Naar werk;15-03-2025;;;x"), settings: settings);
        Assert.Equal(DeliveryCodes.TooManyColumns, pastCap.Inspection.Refusal?.Code);
    }

    [Fact]
    public void An_unclosed_quote_at_the_start_of_a_large_file_is_unreadable_not_one_huge_cell()
    {
        var settings = new DeliverySettings { MaxRowBytes = 64 * 1024 };
        var text = "klantnummer;perceel;einddatum\n\"K1;Naar werk;15-03-2025\n" + string.Concat(Enumerable.Repeat("K2;Naar werk;15-03-2025\n", 20_000));
        var parsed = Parse(Csv(text), settings: settings);
        Assert.Equal(DeliveryCodes.UnreadableFile, parsed.Inspection.Refusal?.Code);
    }

    private static MemoryStream WorkbookReachingXfd1048576(bool farCellHasValue)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Levering");
        string[] header = ["klantnummer", "perceel", "einddatum"];
        for (var c = 0; c < header.Length; c++) sheet.Cell(1, c + 1).SetValue(header[c]);
        sheet.Cell(2, 1).SetValue("K1");
        sheet.Cell(2, 2).SetValue("Naar werk");
        sheet.Cell(2, 3).SetValue("15-03-2025");
        var far = sheet.Cell(1_048_576, 16_384);
        if (farCellHasValue) far.SetValue("x");
        else far.Style.Fill.BackgroundColor = XLColor.Yellow; // used range without a value
        var stream = new MemoryStream();
        workbook.SaveAs(stream);
        stream.Position = 0;
        return stream;
    }

    /// <summary>Parses on another thread and gives up after 30 s (the old parser took minutes on these files).</summary>
    private static async Task<Parsed> ParseWithinAsync(MemoryStream content)
    {
        var parse = Task.Run(() => Parse(content, "levering.xlsx"));
        var finished = await Task.WhenAny(parse, Task.Delay(TimeSpan.FromSeconds(30)));
        Assert.True(finished == parse, "the parser walked the used range of the sheet");
        return await parse;
    }

    [Fact]
    public async Task A_workbook_whose_used_range_reaches_XFD1048576_without_values_there_is_read_in_seconds()
    {
        var content = WorkbookReachingXfd1048576(farCellHasValue: false);
        Assert.True(content.Length < 10_000);
        var parsed = await ParseWithinAsync(content);
        Assert.Null(parsed.Inspection.Refusal);
        Assert.Equal("K1", parsed.Service.Klantnummer);
    }

    [Fact]
    public async Task A_workbook_with_a_value_at_XFD1048576_is_refused_in_seconds()
    {
        var parsed = await ParseWithinAsync(WorkbookReachingXfd1048576(farCellHasValue: true));
        Assert.Equal(DeliveryCodes.TooManyColumns, parsed.Inspection.Refusal?.Code);
    }

    [Fact]
    public async Task A_workbook_with_a_value_far_below_the_data_is_refused_as_too_many_rows()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Levering");
        sheet.Cell(1, 1).SetValue("klantnummer"); sheet.Cell(1, 2).SetValue("perceel"); sheet.Cell(1, 3).SetValue("einddatum");
        sheet.Cell(2, 1).SetValue("K1"); sheet.Cell(2, 2).SetValue("Naar werk"); sheet.Cell(2, 3).SetValue("15-03-2025");
        sheet.Cell(1_048_576, 1).SetValue("K2");
        var content = new MemoryStream();
        workbook.SaveAs(content);
        var parsed = await ParseWithinAsync(content);
        Assert.Equal(DeliveryCodes.TooManyRows, parsed.Inspection.Refusal?.Code);
    }

    [Fact]
    public void Receipt_issues_list_the_first_of_each_code_and_count_them_all()
    {
        var issues = new ReceiptIssues(maxPerCode: 3);
        for (var row = 2; row < 12; row++) issues.Add(new DeliveryIssue(row, "perceel", DeliveryCodes.UnknownPerceel, "x"));
        issues.Add(new DeliveryIssue(20, "einddatum", DeliveryCodes.InvalidDate, "x"));
        Assert.Equal([2, 3, 4, 20], issues.Listed.Select(i => i.Row));
        Assert.Equal(10, issues.Counts[DeliveryCodes.UnknownPerceel]);
        Assert.Equal(1, issues.Counts[DeliveryCodes.InvalidDate]);
    }

    [Fact]
    public void A_receipts_counts_hold_rejections_and_warnings_together_in_code_order()
    {
        // The receipt shows the counts in one stable order, alphabetical by code, whatever order the rows came in:
        // invalid-date, invalid-email, no-email, unknown-perceel.
        var rejected = new ReceiptIssues(maxPerCode: 100);
        rejected.Add(new DeliveryIssue(2, "perceel", DeliveryCodes.UnknownPerceel, "x"));
        rejected.Add(new DeliveryIssue(3, "einddatum", DeliveryCodes.InvalidDate, "x"));
        var warnings = new ReceiptIssues(maxPerCode: 100);
        warnings.Add(new DeliveryIssue(4, "email", DeliveryCodes.NoEmail, "x"));
        warnings.Add(new DeliveryIssue(5, "email", DeliveryCodes.InvalidEmail, "x"));
        warnings.Add(new DeliveryIssue(6, "email", DeliveryCodes.NoEmail, "x"));

        Assert.Equal([("invalid-date", 1), ("invalid-email", 1), ("no-email", 2), ("unknown-perceel", 1)],
            ReceiptIssues.CountsOf(rejected, warnings).Select(c => (c.Key, c.Value)));
    }
}
