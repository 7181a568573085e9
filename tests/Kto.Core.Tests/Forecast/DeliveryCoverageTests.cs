using Kto.Core.Forecast;
using Kto.Core.Reports;
using Kto.Core.Settings;

namespace Kto.Core.Tests.Forecast;

/// <summary>Which months of ended services have been delivered, and which are missing: a delivery in month k covers up to k − 1.</summary>
public sealed class DeliveryCoverageTests
{
    private static DateTimeOffset Dutch(int year, int month, int day, int hour = 12) =>
        new(year, month, day, hour, 0, 0, TimeSpan.FromHours(month is > 3 and < 11 ? 2 : 1));

    [Fact]
    public void A_delivery_covers_the_months_before_its_own_in_Dutch_time_the_latest_delivery_counting()
    {
        Assert.Equal(0, ResponseForecaster.CoveredThrough(2026, []));
        Assert.Equal(4, ResponseForecaster.CoveredThrough(2026, [Dutch(2026, 3, 5), Dutch(2026, 5, 5), Dutch(2026, 2, 5)]));
        // 31 May 23:30 UTC is 1 June in Amsterdam: May is covered.
        Assert.Equal(5, ResponseForecaster.CoveredThrough(2026, [new DateTimeOffset(2026, 5, 31, 23, 30, 0, TimeSpan.Zero)]));
    }

    [Fact]
    public void A_delivery_of_the_next_year_covers_the_whole_year_and_one_of_the_year_before_none_of_it()
    {
        Assert.Equal(12, ResponseForecaster.CoveredThrough(2026, [Dutch(2027, 1, 8)]));
        Assert.Equal(0, ResponseForecaster.CoveredThrough(2026, [Dutch(2025, 12, 20)]));
        Assert.Equal(3, ResponseForecaster.CoveredThrough(2026, [Dutch(2025, 12, 20), Dutch(2026, 4, 2)]));
    }

    [Fact]
    public void A_month_is_missing_once_its_due_day_has_passed_not_on_the_due_day_itself()
    {
        var forecaster = new ResponseForecaster(new ForecastSettings { DeliveryDueDay = 10 }, new ReportSettings(), new FieldworkSettings());
        // Covered through August; September's delivery is due by 10 October.
        Assert.Empty(forecaster.MissingMonths(2026, 8, Dutch(2026, 10, 10, 23)));
        Assert.Equal([9], forecaster.MissingMonths(2026, 8, Dutch(2026, 10, 11, 0)));
        Assert.Equal([9, 10], forecaster.MissingMonths(2026, 8, Dutch(2026, 11, 11)));
        Assert.Empty(forecaster.MissingMonths(2026, 12, Dutch(2027, 2, 1)));
    }
}
