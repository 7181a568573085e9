using Kto.Core.Fieldwork;
using Microsoft.DurableTask.Client;

namespace Kto.Functions.Jobs;

/// <summary>The state of a mail run (the status location <see cref="RunJobFunction"/> answers with), and recent runs.</summary>
public sealed class JobRunStatusFunction(MailRunService mailRuns)
{
    public static string StatusPath(string id) => $"/api/job-runs/{id}";

    [BureauOnly]
    [Function(nameof(JobRunStatus))]
    public async Task<IActionResult> JobRunStatus(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/job-runs/{id}")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        CancellationToken cancellationToken)
    {
        if (await mailRuns.GetAsync(id, cancellationToken) is not { } run) return ApiResults.NotFound("Onbekende taakrun.");
        if (!run.HasFinished() && run.Trigger == MailRunTriggers.Http && await HasDiedAsync(client, id, cancellationToken))
            run = run with { Status = MailRunStatus.Failed, Error = run.Error ?? "run-lost" };
        return ApiResults.Json(run);
    }

    [BureauOnly]
    [Function(nameof(RecentJobRuns))]
    public async Task<IActionResult> RecentJobRuns(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/job-runs")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var count = int.TryParse(request.Query["limit"], out var limit) ? limit : 20;
        return ApiResults.Json(new { runs = await mailRuns.RecentAsync(count, cancellationToken) });
    }

    /// <summary>A run whose background orchestration is gone or failed never saves its end: say so rather than "running" forever.</summary>
    private static async Task<bool> HasDiedAsync(DurableTaskClient client, string id, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(id, cancellationToken);
        return instance is null or { RuntimeStatus: OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated };
    }
}
