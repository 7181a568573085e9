using Kto.Core.Accounts;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Kto.Functions.Reports;

/// <summary>Starts a report run under its stable instance id; one place for "already running" and "run again".</summary>
public static class ReportRunStarter
{
    /// <returns>False when a run with the same id is still going: it is not started twice.</returns>
    public static async Task<bool> TryStartAsync(DurableTaskClient client, ReportRun run, CancellationToken cancellationToken)
    {
        var existing = await client.GetInstanceAsync(run.InstanceId, cancellationToken);
        if (existing is { RuntimeStatus: OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended })
            return false;
        // A finished run is purged so its id can be used again: the new run replaces the drafts, signed versions stay.
        if (existing is not null) await client.PurgeInstanceAsync(run.InstanceId, cancellation: cancellationToken);
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(AnnualReportOrchestration.AssembleAnnualReport), run,
            new StartOrchestrationOptions(run.InstanceId), cancellationToken);
        return true;
    }

    /// <summary>
    /// A run the bureau starts by hand (portal or key): started as above, and only the request that started it writes
    /// the audit line (a double click or a run already going writes none).
    /// </summary>
    public static async Task<bool> TryStartAuditedAsync(DurableTaskClient client, ReportRun run, IAuditLog audit, string actor, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (!await TryStartAsync(client, run, cancellationToken)) return false;
        await audit.WriteAsync(new AuditEntry(now, actor, AuditActions.ReportRunStarted, run.Company,
            $"Concept van het jaarrapport {run.Year} gestart{(run.Company is null ? " voor alle bedrijven" : "")}"), cancellationToken);
        return true;
    }

    public static string StatusPath(ReportRun run) => $"/api/report-runs/{run.InstanceId}";
}
