namespace Kto.Core.Portal;

/// <summary>
/// The one rule for "the delivery is late": a month's ended services are due by <c>Kto:Forecast:DeliveryDueDay</c> of
/// the next month, and a delivery in month k covers the months up to k − 1 (as <see cref="Forecast.ResponseForecaster"/>
/// counts). So after the due day a company that has not delivered this month (<see cref="DeliveryMonth"/>) lacks last
/// month's delivery: the forecast's action, the overview's flag and the reminder mail all ask this.
/// </summary>
public static class DeliveryDue
{
    /// <summary>The last day on which month <paramref name="month"/>'s delivery is on time.</summary>
    public static DateOnly Date(int year, int month, int dueDay) => new DateOnly(year, month, 1).AddMonths(1).AddDays(dueDay - 1);

    /// <summary>The first day of the month whose delivery is overdue now, or null (delivered this month, or the due day not yet past).</summary>
    /// <param name="last">The last delivery that was not refused (<see cref="DeliveryMonth.Last"/>); null: never delivered.</param>
    public static DateOnly? OverdueMonth(DeliveryEntry? last, DateTimeOffset now, int dueDay)
    {
        var today = DutchTime.DateOf(now);
        var previous = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        if (today <= Date(previous.Year, previous.Month, dueDay)) return null;
        return last is not null && DeliveryMonth.DeliveredIn([last], now) ? null : previous;
    }

    /// <summary>"november 2026".</summary>
    public static string MonthName(DateOnly month) => month.ToString("MMMM yyyy", DutchTime.Culture);
}
