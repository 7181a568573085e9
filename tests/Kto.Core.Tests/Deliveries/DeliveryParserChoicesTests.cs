using Kto.Core.Deliveries;
using Kto.Core.Settings;
using static Kto.Core.Tests.Deliveries.DeliveryFiles;

namespace Kto.Core.Tests.Deliveries;

/// <summary>
/// The parser's choices a refusal shows: which separator it reads a header with, which column a refusal names, the
/// missing columns it lists, and a workbook's caps at their bounds.
/// </summary>
public sealed class DeliveryParserChoicesTests
{
    [Fact]
    public void Of_two_separators_that_name_as_many_contract_columns_the_one_that_fills_more_cells_is_taken()
    {
        // With ',' the header is klantnummer | x | y;einddatum (three cells), with ';' klantnummer,x,y | einddatum
        // (two): both name one contract column, so ',' is taken and klantnummer is the column found.
        var refusal = ParseCsv("klantnummer,x,y;einddatum", "K1,a,b;15-03-2025").Inspection.Refusal;

        Assert.Equal(WrittenMessages.Format(DeliveryMessages.MissingColumns, "\"perceel\", \"einddatum\""), refusal?.Message);
    }

    [Fact]
    public void Of_separators_that_tie_on_both_the_first_one_is_taken()
    {
        // ';' gives klantnummer | perceel,einddatum and ',' gives klantnummer;perceel | einddatum: one contract column
        // and two cells each. The semicolon, first in the list, is read.
        var refusal = ParseCsv("klantnummer;perceel,einddatum", "K1;Naar werk,15-03-2025").Inspection.Refusal;

        Assert.Equal(WrittenMessages.Format(DeliveryMessages.MissingColumns, "\"perceel\", \"einddatum\""), refusal?.Message);
    }

    [Fact]
    public void A_header_that_names_no_contract_column_is_still_the_header_and_the_refusal_lists_what_is_missing()
    {
        var refusal = ParseCsv("a;b;c", "1;2;3").Inspection.Refusal;

        Assert.Equal(DeliveryCodes.MissingColumn, refusal?.Code);
        Assert.Equal(WrittenMessages.Format(DeliveryMessages.MissingColumns, "\"klantnummer\", \"perceel\", \"einddatum\""), refusal?.Message);
    }

    [Fact]
    public void One_missing_column_is_named_alone()
    {
        var refusal = ParseCsv("klantnummer;perceel", "K1;Naar werk").Inspection.Refusal;

        Assert.Equal(WrittenMessages.Format(DeliveryMessages.MissingColumn, "einddatum"), refusal?.Message);
        Assert.Equal("einddatum", refusal?.Column);
    }

    [Fact]
    public void Of_two_bsn_headers_the_refusal_names_the_first()
    {
        var refusal = ParseCsv("klantnummer;BSN;sofinummer;perceel;einddatum", "K1;;;Naar werk;15-03-2025").Inspection.Refusal;

        Assert.Equal((DeliveryCodes.BsnColumn, "BSN"), (refusal?.Code, refusal?.Column));
    }

    [Fact]
    public void A_column_of_bsns_right_of_the_header_is_refused_by_its_place()
    {
        // The values stand in the fourth column, which the header does not name.
        var refusal = ParseCsv("klantnummer;perceel;einddatum", "K1;Naar werk;15-03-2025;123456782", "K2;Naar werk;15-03-2025;999999990").Inspection.Refusal;

        Assert.Equal((DeliveryCodes.BsnColumn, DeliveryText.ColumnName(null, 3)), (refusal?.Code, refusal?.Column));
    }

    [Fact]
    public void A_workbook_filled_to_exactly_the_column_cap_is_read_and_one_column_more_is_refused()
    {
        var settings = new DeliverySettings { MaxColumns = 4 };
        object?[] header = ["klantnummer", "perceel", "einddatum", "email"];
        object?[] row = ["K1", "Naar werk", "15-03-2025", "jan@example.nl"];

        Assert.Null(Parse(Xlsx(header, row), "levering.xlsx", settings).Inspection.Refusal);
        Assert.Equal(DeliveryCodes.TooManyColumns,
            Parse(Xlsx(header, [.. row, "extra"]), "levering.xlsx", settings).Inspection.Refusal?.Code);
    }

    [Fact]
    public void A_workbook_whose_last_row_is_the_row_cap_past_the_header_search_is_read()
    {
        // Nineteen title rows, the header in row 20 (the last row the header is looked for in), and the cap's five
        // data rows in rows 21 to 25: the scan's bound is the cap plus those twenty rows, and the file is read.
        var settings = new DeliverySettings { MaxRows = 5 };
        var rows = new List<object?[]>();
        for (var i = 1; i <= 19; i++) rows.Add([$"Export {i}"]);
        rows.Add(["klantnummer", "perceel", "einddatum"]);
        for (var i = 1; i <= 5; i++) rows.Add([$"K{i}", "Naar werk", "15-03-2025"]);

        var parsed = Parse(Xlsx([.. rows]), "levering.xlsx", settings);

        Assert.Null(parsed.Inspection.Refusal);
        Assert.Equal(5, parsed.Rows.Count(r => r.Service is not null));
        rows.Add(["K6", "Naar werk", "15-03-2025"]);
        Assert.Equal(DeliveryCodes.TooManyRows, Parse(Xlsx([.. rows]), "levering.xlsx", settings).Inspection.Refusal?.Code);
    }
}
