namespace Kto.Core.Portal;

/// <summary>
/// Something on the bureau's overview that needs action: what (<see cref="Kind"/>), for which perceel (null: the
/// company as a whole), how many clients where that matters, and the Dutch line that says it.
/// </summary>
public sealed record OverviewFlag(OverviewFlagKind Kind, string? Perceel, int? Count, string Text);

/// <summary>The kinds of action the overview flags; the page groups flags by kind and links each to where to act.</summary>
public enum OverviewFlagKind
{
    /// <summary>No delivery for <see cref="BureauOverviewService.DeliveryGap"/>: ask the company to deliver.</summary>
    NoRecentDelivery,

    /// <summary>Ended services not yet approached: mails, letters or calls to go.</summary>
    NotApproached,

    /// <summary>Response under the minimum: remind, write, call.</summary>
    ResponseBelowMinimum,

    /// <summary>Fewer ended services than the exemption threshold: the company may ask UWV for exemption.</summary>
    ExemptionPossible,

    /// <summary>Last month's delivery was not in by the due day (<see cref="DeliveryDue"/>); <see cref="OverviewFlag.Text"/> names the month. The company's users got a reminder.</summary>
    DeliveryOverdue,

    /// <summary>The forecast expects the perceel to miss the minimum response or the mean grade of 7 at the end of fieldwork.</summary>
    ForecastAtRisk,
}
