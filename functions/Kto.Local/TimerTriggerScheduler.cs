using Cronos;
using Microsoft.Azure.Functions.Worker;

namespace Kto.Local;

/// <summary>
/// Runs timer-triggered functions on their own CRON expressions (six fields, UTC, as on Flex Consumption).
/// Off when <c>Local:RunTimers</c> is false, so tests and demos run jobs on demand instead.
/// </summary>
public sealed class TimerTriggerScheduler(
    FunctionCatalog catalog,
    FunctionInvoker invoker,
    LocalHostSettings settings,
    TimeProvider time,
    ILogger<TimerTriggerScheduler> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.RunTimers) return Task.CompletedTask;
        return Task.WhenAll(Schedules(catalog).Select(t => RunAsync(t.Function, t.Schedule, stoppingToken)));
    }

    /// <summary>The schedules this scheduler runs, one per timer-triggered function (the host-drift test reads these).</summary>
    public static IEnumerable<(FunctionMethod Function, CronExpression Schedule)> Schedules(FunctionCatalog catalog) =>
        catalog.WithTrigger<TimerTriggerAttribute>().Select(t => (t.Function, CronExpression.Parse(t.Trigger.Schedule, CronFormat.IncludeSeconds)));

    private async Task RunAsync(FunctionMethod function, CronExpression schedule, CancellationToken stoppingToken)
    {
        DateTime? last = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var next = schedule.GetNextOccurrence(now);
            if (next is null) return;
            try { await Task.Delay(next.Value - now, time, stoppingToken); }
            catch (OperationCanceledException) { return; }

            var info = new TimerInfo { ScheduleStatus = new ScheduleStatus { Last = last ?? next.Value, Next = schedule.GetNextOccurrence(next.Value) ?? next.Value, LastUpdated = next.Value } };
            try
            {
                await invoker.InvokeAsync(function, new Dictionary<Type, object> { [typeof(TimerInfo)] = info },
                    new Dictionary<string, string?>(), stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError("Timer {Function} failed: {ErrorType}", function.Name, e.GetType().Name);
            }
            last = next;
        }
    }
}
