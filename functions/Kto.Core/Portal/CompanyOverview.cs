using Kto.Core.Progress;

namespace Kto.Core.Portal;

/// <summary>One company on the bureau's overview: its deliveries, this year's progress, and what needs action.</summary>
public sealed record CompanyOverview(
    string CompanyId,
    string CompanyName,
    DeliveryEntry? LastDelivery,
    bool DeliveredThisMonth,
    IReadOnlyList<PerceelProgress> Percelen,
    IReadOnlyList<string> Flags,
    OpdrachtgeverProgress? Opdrachtgevers = null);
