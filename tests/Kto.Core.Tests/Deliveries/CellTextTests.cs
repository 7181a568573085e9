using Kto.Core.Deliveries;

namespace Kto.Core.Tests.Deliveries;

/// <summary>How a raw cell becomes text: the same value reads the same from a CSV file and from a workbook.</summary>
public sealed class CellTextTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    public void An_empty_or_blank_cell_is_no_text(string? cell)
    {
        // Blank is absent: a space in the e-mail column is no e-mail address.
        Assert.Null(CellText.Of(cell));
        Assert.True(CellText.IsEmpty(cell));
    }

    [Fact]
    public void A_workbook_blank_is_empty_and_any_value_is_not()
    {
        // ExcelDataReader gives DBNull for a blank cell; a number or date, even 0, is a value.
        Assert.Null(CellText.Of(DBNull.Value));
        Assert.True(CellText.IsEmpty(DBNull.Value));
        Assert.False(CellText.IsEmpty(0.0));
        Assert.False(CellText.IsEmpty(" x "));
        Assert.False(CellText.IsEmpty(new object()));
    }

    [Fact]
    public void Text_is_trimmed()
    {
        // Exports pad cells; the padding is not part of the value.
        Assert.Equal("Jan Jansen", CellText.Of("  Jan Jansen \t"));
        // Padding on one side only is padding too.
        Assert.Equal(("Jan", "Jan"), (CellText.Of(" Jan"), CellText.Of("Jan\t")));
    }

    [Theory]
    [InlineData(123456.0, "123456")]
    [InlineData(-3.0, "-3")]
    [InlineData(0.0, "0")]
    [InlineData(1.5, "1.5")]
    [InlineData(612345678.0, "612345678")]
    [InlineData(123456789012345.0, "123456789012345")]
    public void A_whole_spreadsheet_number_loses_its_fraction_and_others_are_written_exactly(double cell, string expected)
    {
        // Klantnummer 123456 stored as a number must read as "123456", as in the CSV export of the same sheet.
        Assert.Equal(expected, CellText.Of(cell));
    }

    [Fact]
    public void A_negative_zero_reads_as_0_like_any_whole_number()
    {
        // xUnit counts -0.0 and 0.0 as the same InlineData, so it has a test of its own: "R" would write "-0".
        Assert.Equal("0", CellText.Of(-0.0));
    }

    [Fact]
    public void Floats_decimals_and_other_numbers_are_written_without_culture()
    {
        // A Dutch machine would write "1,5": the text must not depend on where the code runs.
        Assert.Equal("42", CellText.Of(42f));
        Assert.Equal("1.5", CellText.Of(1.5f));
        Assert.Equal("12.50", CellText.Of(12.50m));
        Assert.Equal("1234", CellText.Of(1234));
        Assert.Equal("True", CellText.Of(true));
    }

    [Fact]
    public void A_date_cell_is_written_as_an_ISO_date_with_the_time_only_when_it_has_one()
    {
        // Dates read back with the same rules as typed ISO dates.
        Assert.Equal("2025-03-15", CellText.Of(new DateTime(2025, 3, 15)));
        Assert.Equal("2025-03-15 13:45:10", CellText.Of(new DateTime(2025, 3, 15, 13, 45, 10)));
    }

    [Fact]
    public void A_cell_longer_than_the_limit_is_cut_and_trimmed_and_one_at_the_limit_is_kept()
    {
        // No contract field is that long; a cut must not leave a trailing space.
        Assert.Equal("Jan", CellText.Of("Jan Jansen", 4));
        Assert.Equal("Jan Jansen", CellText.Of("Jan Jansen", 10));
        Assert.Null(CellText.Of("   ", 2));
    }
}
