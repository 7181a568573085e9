using Kto.Core.Reports;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Kto.Functions.Reports;

/// <summary>Every morning (05:00 UTC): drafts last year's reports when <see cref="AutomaticDraftRule"/> says so.</summary>
public sealed class DraftReportsTimerFunction(AutomaticDraftRule rule, ILogger<DraftReportsTimerFunction> logger)
{
    [Function(nameof(DraftPreviousYearReports))]
    public async Task DraftPreviousYearReports(
        [TimerTrigger("0 0 5 * * *")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        if (await rule.YearToDraftAsync(cancellationToken) is not { } year) return;
        // One run for the whole year: it drafts every company (drafts only; signed versions are never touched).
        var started = await ReportRunStarter.TryStartAsync(client, new ReportRun(year, null), cancellationToken);
        logger.LogInformation("Drafting reports {Year}: {Started}", year, started ? "started" : "already running");
    }
}
