using Kto.Core.Deliveries;

namespace Kto.Core.Tests.Deliveries;

/// <summary>The inspection and the rows of one parsed test file.</summary>
internal sealed record Parsed(DeliveryInspection Inspection, List<DeliveryRow> Rows)
{
    public DeliveryRow Single => Assert.Single(Rows);

    public EndedService Service => Single.Service ?? throw new Xunit.Sdk.XunitException(
        "Row rejected: " + string.Join("; ", Single.Rejections.Select(r => $"{r.Code} {r.Message}")));
}
