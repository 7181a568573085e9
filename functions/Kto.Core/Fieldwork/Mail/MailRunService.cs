using System.Diagnostics;
using Kto.Core.Operations;

namespace Kto.Core.Fieldwork;

/// <summary>
/// Runs a mail job as a recorded run: queued, running with its counts so far (saved every couple of seconds),
/// and at the end why it stopped and when the next scheduled run continues. The bureau follows a run by its id;
/// the records also list recent runs, from the timers and from the bureau.
/// </summary>
public sealed class MailRunService(MailJobService jobs, IMailRunLog log, IMailSchedule schedule, ContactPolicy policy, TimeProvider time, Accounts.IAuditLog? audit = null)
{
    /// <summary>How often a running run saves its counts.</summary>
    public static TimeSpan ProgressInterval { get; } = TimeSpan.FromSeconds(2);

    /// <summary>Records a new run as queued, for a run that starts in the background.</summary>
    public async Task<MailRun> QueueAsync(MailJob job, DateTimeOffset at, string trigger, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var run = new MailRun(MailRunIds.New(job, now), MailJobNames.Of(job), at, trigger, MailRunStatus.Queued, now, now);
        await log.SaveAsync(run, cancellationToken);
        // A run the bureau starts (not the schedule) is a change through a door: audited once, here.
        if (trigger == MailRunTriggers.Http && audit is not null)
            await audit.WriteAsync(new Accounts.AuditEntry(now, Accounts.AuditActions.BureauKey, Accounts.AuditActions.JobStarted, null,
                $"{run.Job} gestart (run {run.Id}, als {at.ToUniversalTime():yyyy-MM-dd HH:mm} UTC)"), cancellationToken);
        return run;
    }

    public Task<MailRun?> GetAsync(string id, CancellationToken cancellationToken) =>
        MailRunIds.TryReadStart(id, out _) ? log.GetAsync(id, cancellationToken) : Task.FromResult<MailRun?>(null);

    public Task<IReadOnlyList<MailRun>> RecentAsync(int count, CancellationToken cancellationToken) =>
        log.RecentAsync(Math.Clamp(count, 1, 200), cancellationToken);

    /// <summary>Queues and runs at once (the timers).</summary>
    public async Task<MailRun> RunNowAsync(MailJob job, DateTimeOffset at, string trigger, CancellationToken cancellationToken) =>
        await RunAsync(await QueueAsync(job, at, trigger, cancellationToken), cancellationToken);

    /// <summary>Runs a queued run to its end. Running it again (a retried background step) is safe: claims keep every mail single.</summary>
    public async Task<MailRun> RunAsync(MailRun queued, CancellationToken cancellationToken)
    {
        if (!MailJobNames.TryParse(queued.Job, out var job)) throw new ArgumentException($"Unknown mail job '{queued.Job}'.", nameof(queued));
        var run = queued with { Status = MailRunStatus.Running, UpdatedAt = time.GetUtcNow() };
        await log.SaveAsync(run, cancellationToken);

        var clock = Stopwatch.StartNew();
        var progress = new Latest();
        using var stopSaving = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var saving = SaveProgressAsync(run, progress, stopSaving.Token);
        MailJobResult result;
        try
        {
            result = await jobs.RunAsync(job, queued.At, cancellationToken, progress);
        }
        catch (Exception e)
        {
            await StopSavingAsync(stopSaving, saving);
            var failed = (progress.Value is { } partial ? run.With(partial, MailRunStatus.Failed, time.GetUtcNow()) : run) with
            {
                Status = MailRunStatus.Failed, UpdatedAt = time.GetUtcNow(), FinishedAt = time.GetUtcNow(), Error = e.GetType().Name,
            };
            await log.SaveAsync(failed, CancellationToken.None);
            throw;
        }
        await StopSavingAsync(stopSaving, saving);

        var now = time.GetUtcNow();
        var done = run.With(result, MailRunStatus.Completed, now) with
        {
            FinishedAt = now,
            Stopped = result.Stopped,
            NextRunAt = result.Stopped == MailJobResult.StopReasons.Done ? null : NextMailingRun(job, queued.At + clock.Elapsed),
        };
        await log.SaveAsync(done, CancellationToken.None);
        KtoMetrics.Mailed(queued.Job, result);
        return done;
    }

    /// <summary>The first scheduled run outside quiet hours: the one that continues where this run stopped.</summary>
    private DateTimeOffset? NextMailingRun(MailJob job, DateTimeOffset after)
    {
        var next = schedule.NextAfter(job, after);
        for (var i = 0; i < 7 * 24 * 6 && next is { } candidate && policy.IsQuietTime(candidate); i++)
            next = schedule.NextAfter(job, candidate);
        return next;
    }

    private async Task SaveProgressAsync(MailRun run, Latest progress, CancellationToken cancellationToken)
    {
        MailJobResult? saved = null;
        try
        {
            while (true)
            {
                await Task.Delay(ProgressInterval, time, cancellationToken);
                if (progress.Value is not { } latest || latest == saved) continue;
                await log.SaveAsync(run.With(latest, MailRunStatus.Running, time.GetUtcNow()), cancellationToken);
                saved = latest;
            }
        }
        catch (OperationCanceledException) { }
        catch (Exception)
        {
            // Progress is for people watching; the run itself goes on, and its end is saved separately.
        }
    }

    private static async Task StopSavingAsync(CancellationTokenSource stop, Task saving)
    {
        await stop.CancelAsync();
        await saving;
    }

    /// <summary>Keeps the latest counts; reported synchronously from the run's own flow.</summary>
    private sealed class Latest : IProgress<MailJobResult>
    {
        private MailJobResult? value;
        public MailJobResult? Value => Volatile.Read(ref value);
        public void Report(MailJobResult result) => Volatile.Write(ref value, result);
    }
}
