using Kto.Core.Progress;

namespace Kto.Core.Portal;

/// <summary>
/// One company on the bureau's overview: its deliveries, this year's progress, and what needs action;
/// <see cref="ComputedAt"/> is when its figures were counted (<see cref="OverviewSnapshot"/>).
/// </summary>
public sealed record CompanyOverview(
    string CompanyId,
    string CompanyName,
    DeliveryEntry? LastDelivery,
    bool DeliveredThisMonth,
    IReadOnlyList<PerceelProgress> Percelen,
    IReadOnlyList<OverviewFlag> Flags,
    OpdrachtgeverProgress? Opdrachtgevers = null,
    DateTimeOffset ComputedAt = default);
