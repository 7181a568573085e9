using Kto.Core.Accounts;
using Kto.Core.Companies;
using Microsoft.DurableTask.Client;

namespace Kto.Functions.Reports;

/// <summary>
/// The bureau starts the annual report for a year (all companies) or one company: 202 with the run's status
/// location; 409 with the same location while a run with that id is still going.
/// </summary>
public sealed class StartReportFunction(ICompanyStore companies, IAuditLog audit, TimeProvider time)
{
    [BureauOnly]
    [Function(nameof(StartReport))]
    public async Task<IActionResult> StartReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/reports/{year:int}/{company?}")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        int year,
        string? company,
        CancellationToken cancellationToken)
    {
        if (!YearQuery.IsValid(year)) return YearQuery.Invalid();
        if (company is not null && await companies.GetAsync(company, cancellationToken) is null)
            return ApiResults.NotFound($"Onbekend bedrijf '{company}'.");

        var run = new ReportRun(year, company);
        var started = await ReportRunStarter.TryStartAuditedAsync(client, run, audit, AuditActions.BureauKey, time.GetUtcNow(), cancellationToken);
        var status = ReportRunStarter.StatusPath(run);
        request.HttpContext.Response.Headers.Location = status;
        var body = new
        {
            instanceId = run.InstanceId,
            year,
            company,
            statusUrl = status,
            reportUrl = company is null ? null : ReportLinks.Status(year, company),
        };
        return started
            ? ApiResults.Json(body, StatusCodes.Status202Accepted)
            : ApiResults.Json(new { error = "already-running", message = "Dit rapport wordt al gemaakt; volg de status.", body.instanceId, body.statusUrl },
                StatusCodes.Status409Conflict);
    }
}
