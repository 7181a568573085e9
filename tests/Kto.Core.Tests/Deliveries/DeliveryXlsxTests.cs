using Kto.Core.Deliveries;
using static Kto.Core.Tests.Deliveries.DeliveryFiles;

namespace Kto.Core.Tests.Deliveries;

/// <summary>Real .xlsx workbooks: typed cells (dates, numbers) as spreadsheets store them.</summary>
public class DeliveryXlsxTests
{
    private static readonly object?[] Headers = ["Klantnummer", "Voornaam", "E-mailadres", "Telefoon", "Perceel", "Startdatum", "Einddatum"];

    [Fact]
    public void A_workbook_with_text_cells_is_read_from_its_first_sheet()
    {
        var parsed = Parse(Xlsx(Headers, ["K1", "Zoë", "zoe@example.nl", "06-12345678", "Naar werk", "01-09-2024", "15-03-2025"]), "levering.xlsx");
        Assert.Null(parsed.Inspection.Refusal);
        Assert.Equal(1, parsed.Inspection.DataRows);
        Assert.Equal(2, parsed.Single.Row);
        var service = parsed.Service;
        Assert.Equal("K1", service.Klantnummer);
        Assert.Equal("Zoë", service.Voornaam);
        Assert.Equal("0612345678", service.Telefoon);
        Assert.Equal(new DateOnly(2024, 9, 1), service.Startdatum);
        Assert.Equal(new DateOnly(2025, 3, 15), service.Einddatum);
    }

    [Fact]
    public void Date_cells_are_read_as_dates()
    {
        var parsed = Parse(Xlsx(Headers, ["K1", "Jan", "jan@example.nl", null, "Naar werk", new DateTime(2024, 9, 1), new DateTime(2025, 3, 15, 14, 30, 0)]), "levering.xlsx");
        Assert.Equal(new DateOnly(2024, 9, 1), parsed.Service.Startdatum);
        Assert.Equal(new DateOnly(2025, 3, 15), parsed.Service.Einddatum);
    }

    [Fact]
    public void Numeric_serial_dates_are_read_as_ole_dates()
    {
        var serial = new DateTime(2025, 3, 15).ToOADate();
        var parsed = Parse(Xlsx(Headers, ["K1", "Jan", "jan@example.nl", null, "Naar werk", null, serial]), "levering.xlsx");
        Assert.Equal(new DateOnly(2025, 3, 15), parsed.Service.Einddatum);
    }

    [Fact]
    public void Phone_numbers_stored_as_numbers_get_their_leading_zero_back()
    {
        var parsed = Parse(Xlsx(Headers,
            ["K1", "Jan", null, 612345678d, "Naar werk", null, "15-03-2025"],
            ["K2", "Els", null, 6.12345678E8, "Naar werk", null, "15-03-2025"],
            ["K3", "Piet", null, 31612345678d, "Naar werk", null, "15-03-2025"],
            ["K4", "Kees", null, "+31 6 12345678", "Naar werk", null, "15-03-2025"]), "levering.xlsx");
        Assert.Equal(["0612345678", "0612345678", "+31612345678", "+31612345678"], parsed.Rows.Select(r => r.Service?.Telefoon));
    }

    [Fact]
    public void Klantnummers_stored_as_numbers_lose_the_decimal_part()
    {
        var parsed = Parse(Xlsx(Headers, [123456.0, "Jan", "jan@example.nl", null, "Naar werk", null, "15-03-2025"]), "levering.xlsx");
        Assert.Equal("123456", parsed.Service.Klantnummer);
    }

    [Fact]
    public void A_bsn_stored_as_a_number_in_the_klantnummer_column_rejects_the_row()
    {
        var parsed = Parse(Xlsx(Headers,
            [1001.0, "Jan", "jan@example.nl", null, "Naar werk", null, "15-03-2025"],
            [111222333.0, "Els", "els@example.nl", null, "Naar werk", null, "15-03-2025"],
            [1003.0, "Piet", "piet@example.nl", null, "Naar werk", null, "15-03-2025"]), "levering.xlsx");
        Assert.Null(parsed.Inspection.Refusal);
        Assert.Equal(DeliveryCodes.BsnValue, Assert.Single(parsed.Rows[1].Rejections).Code);
        Assert.All(AllReceiptText(parsed), text => Assert.DoesNotContain("111222333", text));
    }

    [Fact]
    public void A_column_of_bsn_numbers_refuses_the_workbook()
    {
        var parsed = Parse(Xlsx(["klantnummer", "nummer", "perceel", "einddatum"],
            ["K1", 111222333.0, "Naar werk", "15-03-2025"],
            ["K2", 123456782.0, "Naar werk", "15-03-2025"]), "levering.xlsx");
        Assert.Equal(DeliveryCodes.BsnColumn, parsed.Inspection.Refusal?.Code);
        Assert.Equal("nummer", parsed.Inspection.Refusal?.Column);
    }

    [Fact]
    public void Row_numbers_match_the_sheet_with_a_title_and_blank_rows()
    {
        var parsed = Parse(Xlsx(
            ["Levering maart 2025"],
            [],
            Headers,
            ["K1", "Jan", "jan@example.nl", null, "Naar werk", null, "15-03-2025"],
            [],
            ["K2", "Els", "els@example.nl", null, "Naar werk", null, "16-03-2025"]), "levering.xlsx");
        Assert.Null(parsed.Inspection.Refusal);
        Assert.Equal(2, parsed.Inspection.DataRows);
        Assert.Equal([4, 6], parsed.Rows.Select(r => r.Row));
    }

    [Fact]
    public void A_workbook_with_only_headers_is_empty()
    {
        var parsed = Parse(Xlsx(Headers), "levering.xlsx");
        Assert.Equal(DeliveryCodes.EmptyFile, parsed.Inspection.Refusal?.Code);
    }

    [Fact]
    public void A_workbook_missing_a_required_column_is_refused()
    {
        var parsed = Parse(Xlsx(["klantnummer", "perceel"], ["K1", "Naar werk"]), "levering.xlsx");
        Assert.Equal(DeliveryCodes.MissingColumn, parsed.Inspection.Refusal?.Code);
        Assert.Equal("einddatum", parsed.Inspection.Refusal?.Column);
    }

    [Fact]
    public void A_long_cell_in_a_workbook_is_cut()
    {
        var parsed = Parse(Xlsx(Headers, ["K1", new string('z', 5000), "jan@example.nl", null, "Naar werk", null, "15-03-2025"]), "levering.xlsx");
        Assert.Equal(1000, parsed.Service.Voornaam?.Length);
    }

    [Fact]
    public void The_test_workbooks_really_hold_typed_cells()
    {
        // Guards the tests above: numbers and dates must reach the parser as spreadsheet numbers and dates, not text.
        using var content = Xlsx(Headers, [123456.0, "Jan", null, 612345678d, "Naar werk", new DateTime(2024, 9, 1), 45731.0]);
        using var source = new XlsxSource(content);
        var cells = source.Rows().ElementAt(1).Cells;
        Assert.IsType<double>(cells[0]);
        Assert.IsType<string>(cells[1]);
        Assert.IsType<double>(cells[3]);
        Assert.IsType<DateTime>(cells[5]);
        Assert.IsType<double>(cells[6]);
    }
}
