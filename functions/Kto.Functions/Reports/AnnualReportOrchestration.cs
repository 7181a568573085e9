using Kto.Core.Companies;
using Kto.Core.Reports;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Kto.Functions.Reports;

/// <summary>
/// The annual report as a Durable orchestration: fan out per company to count its four percelen and build,
/// render and store its draft. The orchestrator only schedules (replay-safe, time from the context); the
/// activities do all I/O and pass ids and times, never rows or files.
/// </summary>
public sealed class AnnualReportOrchestration(ICompanyStore companies, ReportFiguresService figures, ReportRunReads reads, ReportDraftService reportDrafts)
{
    [Function(nameof(AssembleAnnualReport))]
    public async Task<ReportRunResult> AssembleAnnualReport([OrchestrationTrigger] TaskOrchestrationContext context, ReportRun run)
    {
        var logger = context.CreateReplaySafeLogger<AnnualReportOrchestration>();
        var generatedAt = new DateTimeOffset(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc));

        var companyIds = await context.CallActivityAsync<List<string>>(nameof(ListReportCompanies), run);
        // No barrier between companies: one company's draft is rendered while the next one's rows are still read.
        await Task.WhenAll(companyIds.Select(company => DraftAsync(context, new CompanyTask(company, run.Year), generatedAt)));
        logger.LogInformation("Report drafts {Year}: {Count} companies", run.Year, companyIds.Count);
        return new ReportRunResult(run.Year, companyIds);
    }

    private static Task DraftAsync(TaskOrchestrationContext context, CompanyTask task, DateTimeOffset generatedAt) =>
        context.CallActivityAsync(nameof(DraftCompanyReport), new DraftTask(task.Company, task.Year, generatedAt));

    [Function(nameof(ListReportCompanies))]
    public async Task<List<string>> ListReportCompanies([ActivityTrigger] ReportRun run, CancellationToken cancellationToken)
    {
        if (run.Company is not null) return [run.Company];
        return (await companies.ListAsync(cancellationToken)).Select(c => c.Id).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// One activity per company, not per perceel: attempts and responses are stored per company and year, so counting a
    /// perceel on its own would read them once for each of the four percelen. Its year is read once
    /// (<see cref="ReportFiguresService.PopulationAsync"/>) for the figures and the open answers both, a few companies at
    /// a time (<see cref="ReportRunReads"/>), so one company's draft renders while the next ones are read.
    /// </summary>
    [Function(nameof(DraftCompanyReport))]
    public async Task DraftCompanyReport([ActivityTrigger] DraftTask task, CancellationToken cancellationToken)
    {
        var population = await reads.PopulationAsync(task.Company, task.Year, cancellationToken);
        await reportDrafts.SaveDraftAsync(population, figures.Count(population).Percelen, task.GeneratedAt, cancellationToken);
    }
}
