using Kto.Core;
using Kto.Core.Portal;
using Microsoft.Extensions.Logging;

namespace Kto.Functions.Portal;

/// <summary>
/// Every 10 minutes: the bureau overview's kept figures of this year are recounted for each company whose figures
/// are older than <c>Kto:Portal:OverviewRefreshAfter</c>, company by company, each saved as it is done.
/// </summary>
public sealed class RefreshOverviewFunction(BureauOverviewService overview, TimeProvider time, ILogger<RefreshOverviewFunction> logger)
{
    [Function(nameof(RefreshBureauOverview))]
    public async Task RefreshBureauOverview([TimerTrigger("0 */10 * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var refreshed = await overview.RefreshAsync(DutchTime.Today(time).Year, all: false, cancellationToken);
        logger.LogInformation("Bureau overview: recounted the figures of {Count} companies", refreshed);
    }
}
