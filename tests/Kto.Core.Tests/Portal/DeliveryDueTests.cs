using Kto.Core.Portal;

namespace Kto.Core.Tests.Portal;

/// <summary>
/// "The delivery is late" and "delivered this month": a month's services are due by the due day of the next month,
/// Dutch time; a refused file does not count as a delivery.
/// </summary>
public sealed class DeliveryDueTests
{
    private static DateTimeOffset Dutch(int year, int month, int day, int hour = 12) =>
        new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.FromHours(1));

    private static DeliveryEntry Delivery(DateTimeOffset at, string? status = "accepted") => new("levering.csv", at, status, 1, 1, 0, 0);

    [Theory]
    [InlineData(2026, 11, 10, "2026-12-10")]
    [InlineData(2026, 12, 10, "2027-01-10")] // December's delivery is due in January of the next year
    [InlineData(2026, 1, 1, "2026-02-01")]
    [InlineData(2026, 1, 28, "2026-02-28")]
    public void A_months_delivery_is_due_by_the_due_day_of_the_next_month(int year, int month, int dueDay, string due)
    {
        Assert.Equal(DateOnly.Parse(due), DeliveryDue.Date(year, month, dueDay));
    }

    [Fact]
    public void Without_a_delivery_this_month_last_month_is_overdue_only_after_the_due_day()
    {
        var october = Delivery(Dutch(2026, 10, 20));

        Assert.Null(DeliveryDue.OverdueMonth(october, Dutch(2026, 12, 10, 23), 10));           // the due day itself: on time
        Assert.Equal(new DateOnly(2026, 11, 1), DeliveryDue.OverdueMonth(october, Dutch(2026, 12, 11, 0), 10));
        Assert.Equal(new DateOnly(2026, 11, 1), DeliveryDue.OverdueMonth(null, Dutch(2026, 12, 11), 10)); // never delivered
    }

    [Fact]
    public void A_delivery_this_month_means_nothing_is_overdue_but_a_refused_one_does_not_count()
    {
        var now = Dutch(2026, 12, 15);

        Assert.Null(DeliveryDue.OverdueMonth(Delivery(Dutch(2026, 12, 1)), now, 10));
        Assert.Equal(new DateOnly(2026, 11, 1), DeliveryDue.OverdueMonth(Delivery(Dutch(2026, 12, 1), "refused"), now, 10));
    }

    [Fact]
    public void In_January_the_overdue_month_is_december_of_the_year_before()
    {
        Assert.Equal(new DateOnly(2026, 12, 1), DeliveryDue.OverdueMonth(Delivery(Dutch(2026, 12, 20)), Dutch(2027, 1, 11), 10));
        Assert.Equal("december 2026", DeliveryDue.MonthName(new DateOnly(2026, 12, 1)));
    }

    [Fact]
    public void Delivered_this_month_is_the_calendar_month_in_Dutch_time()
    {
        // 30 November 23:30 UTC is already 1 December in Amsterdam.
        var lateNovemberUtc = new DateTimeOffset(2026, 11, 30, 23, 30, 0, TimeSpan.Zero);

        Assert.True(DeliveryMonth.DeliveredIn([Delivery(lateNovemberUtc)], Dutch(2026, 12, 5)));
        Assert.False(DeliveryMonth.DeliveredIn([Delivery(lateNovemberUtc)], Dutch(2027, 12, 5))); // the same month a year later is not this month
        Assert.False(DeliveryMonth.DeliveredIn([Delivery(Dutch(2026, 11, 20))], Dutch(2026, 12, 5)));
        // One file this month among older ones is enough.
        Assert.True(DeliveryMonth.DeliveredIn([Delivery(Dutch(2026, 11, 20)), Delivery(Dutch(2026, 12, 2))], Dutch(2026, 12, 5)));
        Assert.False(DeliveryMonth.DeliveredIn([Delivery(Dutch(2026, 12, 2), "refused")], Dutch(2026, 12, 5)));
        Assert.True(DeliveryMonth.DeliveredIn([Delivery(Dutch(2026, 12, 2), null)], Dutch(2026, 12, 5))); // still being processed
    }

    [Fact]
    public void The_last_delivery_is_the_latest_that_was_not_refused()
    {
        var first = Delivery(Dutch(2026, 10, 1));
        var second = Delivery(Dutch(2026, 11, 1));
        var refused = Delivery(Dutch(2026, 11, 20), "refused");

        Assert.Equal(second, DeliveryMonth.Last([second, refused, first]));
        Assert.Null(DeliveryMonth.Last([refused]));
    }
}
