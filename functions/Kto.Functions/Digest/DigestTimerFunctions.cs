using Kto.Core.Digest;
using Microsoft.Extensions.Logging;

namespace Kto.Functions.Digest;

/// <summary>
/// The weekly digest and the delivery reminders on their schedules (six-field CRON in UTC: Flex Consumption has no
/// time zone). <see cref="SendDigest"/> fires hourly on Mondays and the use case sends from 08:00 Dutch time, summer or
/// winter; the claims per user and week make every later run that Monday send only what an earlier one could not.
/// </summary>
public sealed class DigestTimerFunctions(DigestService digests, DeliveryReminderService reminders, TimeProvider time, ILogger<DigestTimerFunctions> logger)
{
    public const string DigestSchedule = "0 0 * * * 1";
    /// <summary>Daily at 07:00 UTC (08:00 or 09:00 in Amsterdam); the use case knows whether a delivery is late.</summary>
    public const string ReminderSchedule = "0 0 7 * * *";

    [Function(nameof(SendDigest))]
    public async Task SendDigest([TimerTrigger(DigestSchedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        Log(await digests.SendAsync(time.GetUtcNow(), onSchedule: true, cancellationToken));

    [Function(nameof(SendDeliveryReminders))]
    public async Task SendDeliveryReminders([TimerTrigger(ReminderSchedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        Log(await reminders.SendAsync(time.GetUtcNow(), cancellationToken));

    private void Log(DigestRun r)
    {
        if (r.NotDue) return;
        logger.LogInformation("{Job} {Period}: {Sent} sent, {Already} already sent, {OptedOut} opted out, {Failed} failed",
            r.Job, r.Period, r.Sent, r.AlreadySent, r.OptedOut, r.Failed);
    }
}
