using Kto.Core;
using Kto.Core.Companies;
using Kto.Core.Fieldwork;
using Kto.Core.Reports;
using Kto.Infrastructure.Reports;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Kto.Functions.Reports;

/// <summary>
/// Every morning (05:00 UTC): once fieldwork of last year has closed, draft last year's reports for companies
/// that have no draft yet, so the bureau has them well before 1 March. Off with Kto:Report:DraftPreviousYearAutomatically.
/// </summary>
public sealed class DraftReportsTimerFunction(
    ReportSettings settings,
    ContactPolicy policy,
    ICompanyStore companies,
    AnnualReportService reports,
    TimeProvider time,
    ILogger<DraftReportsTimerFunction> logger)
{
    [Function(nameof(DraftPreviousYearReports))]
    public async Task DraftPreviousYearReports(
        [TimerTrigger("0 0 5 * * *")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        if (!settings.DraftPreviousYearAutomatically) return;
        var now = time.GetUtcNow();
        var year = DutchTime.Today(time).Year - 1;
        if (policy.IsFieldworkOpen(year, now)) return;

        foreach (var company in await companies.ListAsync(cancellationToken))
        {
            if ((await reports.ListAsync(company.Id, year, cancellationToken)).Draft is not null) continue;
            // One run for the whole year: it drafts every company (drafts only; signed versions are never touched).
            var started = await ReportRunStarter.TryStartAsync(client, new ReportRun(year, null), cancellationToken);
            logger.LogInformation("Drafting reports {Year}: {Started}", year, started ? "started" : "already running");
            return;
        }
    }
}
