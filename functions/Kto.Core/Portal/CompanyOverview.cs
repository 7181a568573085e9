using Kto.Core.Progress;

namespace Kto.Core.Portal;

/// <summary>
/// One company on the bureau's overview: its deliveries, this year's progress, and what needs action;
/// <see cref="ComputedAt"/> is when its figures were counted (<see cref="OverviewSnapshot"/>). While
/// <see cref="Counting"/>, its figures are not known yet (no kept snapshot; being counted in the background).
/// </summary>
public sealed record CompanyOverview(
    string CompanyId,
    string CompanyName,
    DeliveryEntry? LastDelivery,
    bool DeliveredThisMonth,
    IReadOnlyList<PerceelProgress> Percelen,
    IReadOnlyList<OverviewFlag> Flags,
    OpdrachtgeverProgress? Opdrachtgevers = null,
    DateTimeOffset ComputedAt = default,
    bool Counting = false);
