using Kto.Core.Companies;
using Kto.Core.Portal;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Kto.Functions.Portal;

/// <summary>
/// "Nu bijwerken" on the bureau overview as a Durable run: every company's kept figures of the year counted afresh,
/// one activity per company, so the request that asked for it answers at once and the overview follows the run
/// (<see cref="StatusAsync"/>). One run per year at a time, under a stable instance id.
/// </summary>
public sealed class OverviewRefreshOrchestration(ICompanyStore companies, BureauOverviewService overview)
{
    public static string InstanceId(int year) => $"overview-refresh-{year}";

    [Function(nameof(RefreshOverviewFigures))]
    public async Task<int> RefreshOverviewFigures([OrchestrationTrigger] TaskOrchestrationContext context, OverviewRefreshRun run)
    {
        var ids = await context.CallActivityAsync<List<string>>(nameof(ListOverviewCompanies), run);
        await Task.WhenAll(ids.Select(id => context.CallActivityAsync(nameof(RefreshOverviewCompany), new OverviewCompany(id, run.Year))));
        return ids.Count;
    }

    [Function(nameof(ListOverviewCompanies))]
    public async Task<List<string>> ListOverviewCompanies([ActivityTrigger] OverviewRefreshRun run, CancellationToken cancellationToken) =>
        (await companies.ListAsync(cancellationToken)).Select(c => c.Id).Order(StringComparer.Ordinal).ToList();

    [Function(nameof(RefreshOverviewCompany))]
    public async Task RefreshOverviewCompany([ActivityTrigger] OverviewCompany task, CancellationToken cancellationToken) =>
        await overview.RefreshCompanyAsync(task.Company, task.Year, cancellationToken);

    /// <returns>False when a run of this year is still going: the page follows that one.</returns>
    public static async Task<bool> TryStartAsync(DurableTaskClient client, int year, CancellationToken cancellationToken)
    {
        var existing = await client.GetInstanceAsync(InstanceId(year), cancellationToken);
        if (existing is { RuntimeStatus: OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended })
            return false;
        // A finished run is purged so its id can be used again.
        if (existing is not null) await client.PurgeInstanceAsync(InstanceId(year), cancellation: cancellationToken);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(RefreshOverviewFigures), new OverviewRefreshRun(year),
                new StartOrchestrationOptions(InstanceId(year)), cancellationToken);
            return true;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Another request started it between our read and our start (the task hub keeps one instance per id): that run counts.
            if (await client.GetInstanceAsync(InstanceId(year), cancellationToken) is not null) return false;
            throw;
        }
    }

    /// <summary>The year's last run as the overview shows it: null when there never was one.</summary>
    public static async Task<OverviewRefreshState?> StatusAsync(DurableTaskClient client, int year, CancellationToken cancellationToken)
    {
        var run = await client.GetInstanceAsync(InstanceId(year), cancellationToken);
        if (run is null) return null;
        return new OverviewRefreshState(
            run.RuntimeStatus is OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended,
            run.RuntimeStatus is OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated,
            run.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? run.LastUpdatedAt : null);
    }
}

/// <summary>Orchestration input: the year whose figures are counted afresh.</summary>
public sealed record OverviewRefreshRun(int Year);

/// <summary>Activity input: count one company's year afresh.</summary>
public sealed record OverviewCompany(string Company, int Year);

/// <summary>Where the overview's last "Nu bijwerken" run is: going, failed, or finished at a time.</summary>
public sealed record OverviewRefreshState(bool Running, bool Failed, DateTimeOffset? FinishedAt);
