using Kto.Core.Letters;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Kto.Functions.Letters;

/// <summary>Starts a letter batch (API and portal) and makes sure its background run is scheduled.</summary>
public static class LetterBatchStarter
{
    /// <summary>
    /// Starts the batch, or joins the one being made. A batch being made whose run is not there (the request that
    /// started it stopped before scheduling it) gets its run now: the run's id is the batch id, so it is scheduled once.
    /// </summary>
    public static async Task<LetterBatchService.StartResult> StartAsync(LetterBatchService letters, DurableTaskClient client, string company, int year,
        string actor, CancellationToken cancellationToken)
    {
        var started = await letters.StartAsync(company, year, actor, cancellationToken);
        if (started.Batch is { State: LetterBatchState.Making } batch)
            await EnsureRunAsync(client, batch);
        return started;
    }

    // Not the request's token: the run must start even when the caller hangs up right after the answer.
    private static async Task EnsureRunAsync(DurableTaskClient client, LetterBatch batch)
    {
        if (await client.GetInstanceAsync(batch.Id, CancellationToken.None) is not null) return;
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(LetterBatchOrchestration.MakeLetterBatchRun),
                new LetterBatchRun(batch.Company, batch.Id), new StartOrchestrationOptions(batch.Id), CancellationToken.None);
        }
        catch (Exception)
        {
            // Scheduled at the same moment by the other make that joined this batch; anything else is a real failure.
            if (await client.GetInstanceAsync(batch.Id, CancellationToken.None) is null) throw;
        }
    }

    public static string StatusPath(LetterBatch batch) => $"/api/companies/{batch.Company}/letter-batches/{batch.Id}";
}
