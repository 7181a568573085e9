using Kto.Core;
using Kto.Core.Companies;
using Kto.Core.Reports;
using Kto.Infrastructure.Reports;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Kto.Functions.Reports;

/// <summary>
/// The annual report as a Durable orchestration: fan out per company × perceel to count, fan in per company to
/// build, render and store the draft. The orchestrator only schedules (replay-safe, time from the context); the
/// activities do all I/O and return small results: figures, never files.
/// </summary>
public sealed class AnnualReportOrchestration(ICompanyStore companies, ReportFiguresService figures, AnnualReportService reports)
{
    [Function(nameof(AssembleAnnualReport))]
    public async Task<ReportRunResult> AssembleAnnualReport([OrchestrationTrigger] TaskOrchestrationContext context, ReportRun run)
    {
        var logger = context.CreateReplaySafeLogger<AnnualReportOrchestration>();
        var generatedAt = new DateTimeOffset(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc));

        var companyIds = await context.CallActivityAsync<List<string>>(nameof(ListReportCompanies), run);
        var counting = companyIds
            .Select(company => PerceelNames.All
                .Select(perceel => context.CallActivityAsync<PerceelFigures>(nameof(AggregatePerceel), new PerceelTask(company, run.Year, perceel)))
                .ToList())
            .ToList();
        await Task.WhenAll(counting.SelectMany(c => c));

        await Task.WhenAll(companyIds.Select((company, i) => context.CallActivityAsync(nameof(SaveDraftReport),
            new DraftTask(company, run.Year, counting[i].Select(t => t.Result).ToList(), generatedAt))));
        logger.LogInformation("Report drafts {Year}: {Count} companies", run.Year, companyIds.Count);
        return new ReportRunResult(run.Year, companyIds);
    }

    [Function(nameof(ListReportCompanies))]
    public async Task<List<string>> ListReportCompanies([ActivityTrigger] ReportRun run, CancellationToken cancellationToken)
    {
        if (run.Company is not null) return [run.Company];
        return (await companies.ListAsync(cancellationToken)).Select(c => c.Id).Order(StringComparer.Ordinal).ToList();
    }

    [Function(nameof(AggregatePerceel))]
    public Task<PerceelFigures> AggregatePerceel([ActivityTrigger] PerceelTask task, CancellationToken cancellationToken) =>
        figures.ForPerceelAsync(task.Company, task.Year, task.Perceel, cancellationToken);

    [Function(nameof(SaveDraftReport))]
    public async Task SaveDraftReport([ActivityTrigger] DraftTask task, CancellationToken cancellationToken) =>
        await reports.SaveDraftAsync(task.Company, task.Year, task.Figures, task.GeneratedAt, cancellationToken);
}
