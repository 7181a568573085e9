using Kto.Core.Deliveries;

namespace Kto.Core.Tests.Deliveries;

/// <summary>Written dates at their edges: times in every form after the date, zero and out-of-range parts.</summary>
public sealed class DeliveryDateEdgeTests
{
    [Theory]
    [InlineData("2025-03-15T13:45:10,5")]
    [InlineData("2025-03-15T13:45:10+0100")]
    [InlineData("2025-03-15 13:45-05:00")]
    [InlineData("2025-03-15T9:05Z")]
    [InlineData("15.03.2025 09:30:00")]
    [InlineData("15/03/2025T09:30")]
    public void A_time_after_the_date_in_any_form_an_export_writes_is_ignored(string text)
    {
        // Exports add times in many shapes (comma decimals, offsets with or without colon); the day is what counts.
        Assert.True(DeliveryDates.TryParse(text, out var date));
        Assert.Equal(new DateOnly(2025, 3, 15), date);
    }

    [Theory]
    [InlineData("0000-03-15")]
    [InlineData("15-00-2025")]
    [InlineData("2025-00-15")]
    [InlineData("2025-03-00")]
    [InlineData("2025-03-32")]
    [InlineData("32-03-2025")]
    [InlineData("2025-03-15T25")]
    [InlineData("2025-03-15 13:45 uur")]
    public void Day_month_or_year_zero_out_of_range_or_a_broken_time_is_no_date(string text)
    {
        // No year 0, month 0 or day 0; a time that is not one makes the cell unreadable, never an exception.
        Assert.False(DeliveryDates.TryParse(text, out _));
    }

    [Fact]
    public void The_first_year_of_the_calendar_is_a_date()
    {
        // The reader reads any real date; whether it is too old is the row validator's rule, with its own message.
        Assert.True(DeliveryDates.TryParse("0001-01-01", out var date));
        Assert.Equal(DateOnly.MinValue, date);
    }
}
