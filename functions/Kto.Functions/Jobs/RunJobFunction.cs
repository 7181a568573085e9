using System.Globalization;
using Kto.Core;
using Kto.Core.Digest;
using Kto.Core.Fieldwork;
using Kto.Core.Privacy;
using Kto.Core.Settings;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Kto.Functions.Jobs;

/// <summary>
/// The bureau runs a timer job now. A mail job answers 202 at once with its run's status location and runs in the
/// background (<see cref="MailJobOrchestration"/>); purge-expired, send-digest and send-delivery-reminders are quick and answer with their result. Outside
/// production <c>?at=</c> makes the job act as if it were that moment, which is how tests and operators replay a
/// day; production refuses it.
/// </summary>
public sealed class RunJobFunction(MailRunService mailRuns, RetentionService retention, DigestService digests, DeliveryReminderService reminders,
    KtoSettings settings, TimeProvider time)
{
    [BureauOnly]
    [Function(nameof(RunJob))]
    public async Task<IActionResult> RunJob(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/jobs/{job}")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string job,
        CancellationToken cancellationToken)
    {
        var isMailJob = MailJobNames.TryParse(job, out var mailJob);
        if (!isMailJob && job is not (PurgeExpired or DigestService.Job or DeliveryReminderService.Job))
            return ApiResults.NotFound($"Onbekende taak '{job}'. Kies {MailJobNames.SendInvitations}, {MailJobNames.SendReminders}, {PurgeExpired}, {DigestService.Job} of {DeliveryReminderService.Job}.");

        var now = time.GetUtcNow();
        var at = request.Query["at"].ToString();
        if (at.Length > 0)
        {
            if (settings.IsProduction) return ApiResults.BadRequest("at-not-allowed", "?at= is in productie niet toegestaan.");
            if (!DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out now))
                return ApiResults.BadRequest("invalid-at", "Geef ?at= als ISO-tijd, bijvoorbeeld 2026-03-10T10:00:00+01:00.");
            var today = DutchTime.Today(time);
            if (!ReplayReach.Contains(now, today))
                return ApiResults.BadRequest("at-out-of-reach", $"?at= moet tussen 1 januari {today.Year - 1} en 31 december {today.Year + 1} liggen (de meetjaren die een taak raakt).");
        }
        // The digest runs at once whatever the day (the timer keeps to Monday 08:00); its claims keep it to one mail per user and week.
        if (job == DigestService.Job)
            return ApiResults.Json(await digests.SendAsync(now, onSchedule: false, cancellationToken, actor: Kto.Core.Accounts.AuditActions.BureauKey));
        if (job == DeliveryReminderService.Job)
            return ApiResults.Json(await reminders.SendAsync(now, cancellationToken, actor: Kto.Core.Accounts.AuditActions.BureauKey));
        if (!isMailJob) return ApiResults.Json(await retention.RunAsync(now, cancellationToken, actor: Kto.Core.Accounts.AuditActions.BureauKey));

        var run = await mailRuns.QueueAsync(mailJob, now, MailRunTriggers.Http, cancellationToken);
        // Not the request's token: the run must start even when the caller hangs up right after the 202.
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(MailJobOrchestration.RunMailJob), run,
            new StartOrchestrationOptions(run.Id), CancellationToken.None);
        var status = JobRunStatusFunction.StatusPath(run.Id);
        request.HttpContext.Response.Headers.Location = status;
        return ApiResults.Json(new { id = run.Id, job = run.Job, at = run.At, status = run.Status, statusUrl = status }, StatusCodes.Status202Accepted);
    }

    public const string PurgeExpired = "purge-expired";
}
