using Kto.Core.Letters;
using Microsoft.DurableTask;

namespace Kto.Functions.Letters;

/// <summary>The batch a background run makes (the orchestration's instance id is the batch id), and which part a step draws.</summary>
public sealed record LetterBatchRun(string Company, string BatchId, int Part = 0);

/// <summary>
/// A letter batch is made in the background, not in the request: 1,000 letters take about 29 s and an HTTP request
/// ends at 230 s on Azure. The run finds the letters, draws them a part at a time (<c>Kto:Fieldwork:LettersPerStep</c>
/// per activity, so no step nears a time limit whatever the batch's size) and merges the parts. Each activity is safe
/// to run again (a part already drawn is kept; the batch's version guards every write), so retries never make a second
/// batch; a run that fails after its retries marks the batch failed.
/// </summary>
public sealed class LetterBatchOrchestration(LetterBatchService letters)
{
    private static readonly TaskOptions Retried = TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromSeconds(5)));

    [Function(nameof(MakeLetterBatchRun))]
    public async Task MakeLetterBatchRun([OrchestrationTrigger] TaskOrchestrationContext context, LetterBatchRun run)
    {
        try
        {
            // 0 parts: nothing due, or the batch was given up.
            var parts = await context.CallActivityAsync<int>(nameof(PlanLetterBatch), run, Retried);
            for (var part = 0; part < parts; part++)
                if (!await context.CallActivityAsync<bool>(nameof(DrawLetterBatchPart), run with { Part = part }, Retried))
                    return;
            if (parts > 0) await context.CallActivityAsync<bool>(nameof(FinishLetterBatch), run, Retried);
        }
        catch (TaskFailedException)
        {
            await context.CallActivityAsync<bool>(nameof(FailLetterBatch), run, Retried);
        }
    }

    [Function(nameof(PlanLetterBatch))]
    public async Task<int> PlanLetterBatch([ActivityTrigger] LetterBatchRun run, CancellationToken cancellationToken) =>
        await letters.PlanAsync(run.Company, run.BatchId, cancellationToken) is { State: LetterBatchState.Making } batch ? batch.Parts : 0;

    [Function(nameof(DrawLetterBatchPart))]
    public async Task<bool> DrawLetterBatchPart([ActivityTrigger] LetterBatchRun run, CancellationToken cancellationToken) =>
        await letters.WritePartAsync(run.Company, run.BatchId, run.Part, cancellationToken) is not null;

    [Function(nameof(FinishLetterBatch))]
    public async Task<bool> FinishLetterBatch([ActivityTrigger] LetterBatchRun run, CancellationToken cancellationToken) =>
        await letters.FinishAsync(run.Company, run.BatchId, cancellationToken) is not null;

    [Function(nameof(FailLetterBatch))]
    public async Task<bool> FailLetterBatch([ActivityTrigger] LetterBatchRun run, CancellationToken cancellationToken)
    {
        await letters.FailAsync(run.Company, run.BatchId, cancellationToken);
        return true;
    }
}
