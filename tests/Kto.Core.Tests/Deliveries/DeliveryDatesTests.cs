using Kto.Core.Deliveries;

namespace Kto.Core.Tests.Deliveries;

public class DeliveryDatesTests
{
    [Theory]
    [InlineData("2025-03-15")]
    [InlineData("2025-03-15 13:45")]
    [InlineData("2025-03-15 13:45:10")]
    [InlineData("2025-03-15T13:45:10")]
    [InlineData("2025-03-15T13:45:10.123Z")]
    [InlineData("2025-03-15T13:45:10+01:00")]
    [InlineData("15-03-2025")]
    [InlineData("15-3-2025")]
    [InlineData("15/03/2025")]
    [InlineData("15/3/2025")]
    [InlineData("15.03.2025")]
    [InlineData("15-03-2025 09:30")]
    [InlineData(" 15-03-2025 ")]
    [InlineData("20250315")]
    public void Every_accepted_written_form_gives_the_same_date(string text)
    {
        Assert.True(DeliveryDates.TryParse(text, out var date));
        Assert.Equal(new DateOnly(2025, 3, 15), date);
    }

    [Theory]
    [InlineData("5-3-2025", 5, 3)]
    [InlineData("5/3/2025", 5, 3)]
    [InlineData("05-03-2025", 5, 3)]
    public void Single_digit_days_and_months_are_day_first(string text, int day, int month)
    {
        Assert.True(DeliveryDates.TryParse(text, out var date));
        Assert.Equal(new DateOnly(2025, month, day), date);
    }

    [Theory]
    [InlineData("31-02-2025")]
    [InlineData("15-03-25")]
    [InlineData("2025/15/03")]
    [InlineData("15-03/2025")]
    [InlineData("morgen")]
    [InlineData("2025-13-01")]
    [InlineData("15-03-2025 later")]
    public void Unreadable_text_is_not_a_date(string text) => Assert.False(DeliveryDates.TryParse(text, out _));

    [Fact]
    public void A_spreadsheet_date_cell_is_read_as_its_date() =>
        Assert.True(DeliveryDates.TryParse(new DateTime(2025, 3, 15, 0, 0, 0), out var date) && date == new DateOnly(2025, 3, 15));

    [Fact]
    public void A_spreadsheet_serial_number_is_an_ole_date()
    {
        Assert.True(DeliveryDates.TryParse(45731.0, out var date));
        Assert.Equal(new DateOnly(2025, 3, 15), date);
    }

    [Fact]
    public void A_negative_number_is_not_a_date() => Assert.False(DeliveryDates.TryParse(-3.0, out _));
}
