using Microsoft.DurableTask.Client;

namespace Kto.Functions.Reports;

/// <summary>The state of a report run (the status location the starter answers with).</summary>
public sealed class ReportRunStatusFunction
{
    [BureauOnly]
    [Function(nameof(ReportRunStatus))]
    public async Task<IActionResult> ReportRunStatus(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/report-runs/{instanceId}")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string instanceId,
        CancellationToken cancellationToken)
    {
        if (!instanceId.StartsWith("report-", StringComparison.Ordinal)) return ApiResults.NotFound("Onbekende rapportrun.");
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        if (instance is null) return ApiResults.NotFound("Onbekende rapportrun.");
        return ApiResults.Json(new
        {
            instanceId,
            status = instance.RuntimeStatus.ToString(),
            createdAt = instance.CreatedAt,
            lastUpdatedAt = instance.LastUpdatedAt,
            output = instance.IsCompleted && instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed
                ? instance.ReadOutputAs<ReportRunResult>() : null,
            failure = instance.FailureDetails?.ErrorMessage,
        });
    }
}
