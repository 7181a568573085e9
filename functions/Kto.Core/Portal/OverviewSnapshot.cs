using Kto.Core.Forecast;
using Kto.Core.Progress;

namespace Kto.Core.Portal;

/// <summary>
/// One company's figures for the bureau overview of one year, as computed at <see cref="ComputedAt"/>, so a view
/// reads one small row per company instead of recounting its services, attempts and responses. What depends on
/// today (delivered this month, no delivery for six weeks, the flags) is derived when the page is shown. <see cref="Forecast"/>:
/// the response forecast per perceel as made when the figures were counted (null in snapshots kept before it).
/// </summary>
public sealed record OverviewSnapshot(
    string CompanyId,
    int Year,
    DateTimeOffset ComputedAt,
    DeliveryEntry? LastDelivery,
    IReadOnlyList<PerceelProgress> Percelen,
    OpdrachtgeverProgress? Opdrachtgevers,
    IReadOnlyList<ForecastSummary>? Forecast = null);
