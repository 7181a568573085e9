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

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void A_number_cell_that_is_no_number_is_not_a_date_and_does_not_throw(double value) =>
        Assert.False(DeliveryDates.TryParse(value, out _));

    // The plain shapes are read without the regexes: their edges must answer exactly as the regexes do.
    [Theory]
    [InlineData("12")]
    [InlineData("2025")]
    [InlineData("2025-")]
    [InlineData("2025-03")]
    [InlineData("2025-03-")]
    [InlineData("2025-003-15")]
    [InlineData("2025-03-155")]
    [InlineData("15-03")]
    [InlineData("15-03-")]
    [InlineData("15-03/2025")]
    [InlineData("15-03-20255")]
    [InlineData("115-03-2025")]
    [InlineData("15-03-2025x")]
    [InlineData("2025-02-29")]
    [InlineData("29-02-2025")]
    [InlineData("00-03-2025")]
    [InlineData("15-13-2025")]
    [InlineData("\u0661\u0665-03-2025")] // Arabic-Indic digits match the regexes' \d: refused, not an exception
    public void Almost_plain_dates_are_refused(string text) => Assert.False(DeliveryDates.TryParse(text, out _));

    [Theory]
    [InlineData("2024-2-29", 2024, 2, 29)]
    [InlineData("29.2.2024", 2024, 2, 29)]
    [InlineData("1/1/2025", 2025, 1, 1)]
    [InlineData("31-12-2025T23:59", 2025, 12, 31)]
    public void Plain_and_other_shapes_still_read(string text, int year, int month, int day)
    {
        Assert.True(DeliveryDates.TryParse(text, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }
}

public class PerceelSpellingTests
{
    [Theory]
    [InlineData("Naar werk", Perceel.NaarWerk)]
    [InlineData("NAAR-WERK", Perceel.NaarWerk)]
    [InlineData("naarwerk", Perceel.NaarWerk)]
    [InlineData("Modulaire Re-integratiedienst", Perceel.ModulaireReintegratiediensten)]
    [InlineData("modulaire reïntegratiediensten", Perceel.ModulaireReintegratiediensten)]
    [InlineData("ModulaireReintegratiediensten", Perceel.ModulaireReintegratiediensten)]
    [InlineData(" Werkfit  maken ", Perceel.WerkfitMaken)]
    [InlineData("praktijk-assessment", Perceel.Praktijkassessment)]
    public void Every_spelling_of_a_perceel_is_read(string text, Perceel expected)
    {
        Assert.True(PerceelNames.TryParse(text, out var perceel));
        Assert.Equal(expected, perceel);
    }

    [Theory]
    [InlineData("Naar werkk")]
    [InlineData("werk")]
    [InlineData("")]
    public void Other_text_is_no_perceel(string text) => Assert.False(PerceelNames.TryParse(text, out _));
}
