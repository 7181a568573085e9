using Kto.Core.Fieldwork;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Kto.Functions.Fieldwork;

/// <summary>
/// The mail jobs on their schedules (six-field CRON, UTC: Flex Consumption has no time zone setting; quiet hours
/// are applied in Dutch time by the contact policy). A run that is stopped part-way is continued by the next.
/// </summary>
public sealed class MailTimerFunctions(MailJobService mailJobs, TimeProvider time, ILogger<MailTimerFunctions> logger)
{
    [Function(nameof(SendInvitations))]
    public async Task SendInvitations([TimerTrigger("0 */10 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        Log(await mailJobs.RunAsync(MailJob.SendInvitations, time.GetUtcNow(), cancellationToken));

    [Function(nameof(SendReminders))]
    public async Task SendReminders([TimerTrigger("0 5,35 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        Log(await mailJobs.RunAsync(MailJob.SendReminders, time.GetUtcNow(), cancellationToken));

    private void Log(MailJobResult r) =>
        logger.LogInformation("{Job}: {Sent} sent, {Deferred} deferred, {Bounced} bounced, {Unknown} unknown, {Busy} busy; stopped: {Stopped}",
            r.Job, r.Sent, r.Deferred, r.Bounced, r.Unknown, r.SkippedBusy, r.Stopped);
}
