using Kto.Core.Fieldwork;
using Microsoft.Extensions.Logging;

namespace Kto.Functions.Fieldwork;

/// <summary>
/// The mail jobs on their schedules (six-field CRON, UTC: Flex Consumption has no time zone setting; quiet hours
/// are applied in Dutch time by the contact policy). A run that is stopped part-way is continued by the next.
/// Each run is recorded like a run the bureau starts, so recent runs can be listed.
/// </summary>
public sealed class MailTimerFunctions(MailRunService mailRuns, TimeProvider time, ILogger<MailTimerFunctions> logger)
{
    [Function(nameof(SendInvitations))]
    public async Task SendInvitations([TimerTrigger(MailJobSchedules.SendInvitations)] TimerInfo timer, CancellationToken cancellationToken) =>
        Log(await mailRuns.RunNowAsync(MailJob.SendInvitations, time.GetUtcNow(), MailRunTriggers.Timer, cancellationToken));

    [Function(nameof(SendReminders))]
    public async Task SendReminders([TimerTrigger(MailJobSchedules.SendReminders)] TimerInfo timer, CancellationToken cancellationToken) =>
        Log(await mailRuns.RunNowAsync(MailJob.SendReminders, time.GetUtcNow(), MailRunTriggers.Timer, cancellationToken));

    private void Log(MailRun r) =>
        logger.LogInformation("{Job} {RunId}: {Sent} sent, {Deferred} deferred, {Bounced} bounced, {Unknown} unknown, {Busy} busy, {Errors} errors; stopped: {Stopped}",
            r.Job, r.Id, r.Sent, r.Deferred, r.Bounced, r.Unknown, r.SkippedBusy, r.Errors, r.Stopped);
}
