using Kto.Core.Deliveries;
using Microsoft.Extensions.Logging;

namespace Kto.Functions.Deliveries;

/// <summary>Every 15 minutes: a delivery whose run died without a receipt gets one (<c>ingest-failed</c>).</summary>
public sealed class FinishStalledDeliveriesFunction(DeliveryIngestService ingest, TimeProvider time, ILogger<FinishStalledDeliveriesFunction> logger)
{
    [Function(nameof(FinishStalledDeliveries))]
    public async Task FinishStalledDeliveries([TimerTrigger("0 7,22,37,52 * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var ended = await ingest.FinishStalledAsync(time.GetUtcNow(), cancellationToken);
        if (ended > 0) logger.LogWarning("{Count} stalled deliveries ended with an ingest-failed receipt", ended);
    }
}
