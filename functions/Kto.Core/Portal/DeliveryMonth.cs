using Kto.Core.Deliveries;

namespace Kto.Core.Portal;

/// <summary>
/// The one rule for "delivered this month": a file received in this calendar month (Dutch time) that was not
/// refused; a file still being processed counts as delivered. Also: the last delivery, for the bureau's flags.
/// </summary>
public static class DeliveryMonth
{
    public static bool DeliveredIn(IEnumerable<DeliveryEntry> deliveries, DateTimeOffset now)
    {
        var today = DutchTime.ToDutch(now);
        return deliveries.Any(d => d.Status != Receipt.Statuses.Refused
            && DutchTime.ToDutch(d.ReceivedAt) is var at && at.Year == today.Year && at.Month == today.Month);
    }

    public static DeliveryEntry? Last(IEnumerable<DeliveryEntry> deliveries) =>
        deliveries.Where(d => d.Status != Receipt.Statuses.Refused).MaxBy(d => d.ReceivedAt);
}
