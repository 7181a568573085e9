using Kto.Core.Deliveries;

namespace Kto.Core.Tests.Deliveries;

/// <summary>End and start dates as spreadsheet cells hold them: serial numbers at the edges of Excel's range, numbers typed as yyyymmdd, and date cells.</summary>
public class DeliveryDateCellTests
{
    [Theory]
    [InlineData(1.0, 1899, 12, 31)]        // Excel's first serial
    [InlineData(2958465.0, 9999, 12, 31)]  // and its last
    [InlineData(45731.75, 2025, 3, 15)]    // a date with a time of day is that day
    public void A_serial_inside_excels_range_is_its_day(double serial, int year, int month, int day)
    {
        Assert.True(DeliveryDates.TryParse(serial, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.999)]
    [InlineData(2958466.0)]
    [InlineData(19000100.0)] // just below the yyyymmdd range and far beyond the last serial
    public void A_serial_outside_excels_range_is_no_date(double serial) => Assert.False(DeliveryDates.TryParse(serial, out _));

    [Theory]
    [InlineData(20250315.0, 2025, 3, 15)]
    [InlineData(19000101.0, 1900, 1, 1)]
    [InlineData(20991231.0, 2099, 12, 31)]
    public void A_number_typed_as_yyyymmdd_is_that_date_not_a_serial(double number, int year, int month, int day)
    {
        Assert.True(DeliveryDates.TryParse(number, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData(20251332.0)]   // no 13th month: not read as a serial either
    [InlineData(20250315.5)]   // a fraction is no typed date, and far beyond the last serial
    [InlineData(99991231.0)]   // typed dates are read in the 1900s and 2000s only, and it is no serial
    public void A_yyyymmdd_number_that_is_no_real_date_is_refused(double number) => Assert.False(DeliveryDates.TryParse(number, out _));

    [Fact]
    public void A_date_cell_is_read_as_its_date()
    {
        Assert.True(DeliveryDates.TryParse(new DateOnly(2025, 3, 15), out var date));
        Assert.Equal(new DateOnly(2025, 3, 15), date);
    }

    [Theory]
    [InlineData(20250315)]       // an int cell: not a kind of cell the readers produce
    [InlineData(true)]
    public void Other_cell_types_are_no_date(object cell) => Assert.False(DeliveryDates.TryParse(cell, out _));

    [Fact]
    public void No_cell_is_no_date() => Assert.False(DeliveryDates.TryParse(null, out _));

    [Theory]
    [InlineData("18250315")] // compact text dates only in the 1900s and 2000s
    [InlineData("2025031")]
    public void Compact_text_outside_the_shape_is_no_date(string text) => Assert.False(DeliveryDates.TryParse(text, out _));
}
