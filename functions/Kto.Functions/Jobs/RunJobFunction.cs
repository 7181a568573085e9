using System.Globalization;
using Kto.Core.Access;
using Kto.Core.Fieldwork;
using Kto.Core.Privacy;
using Kto.Core.Settings;
using Kto.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Kto.Functions.Jobs;

/// <summary>
/// The bureau runs a timer job now. Outside production <c>?at=</c> makes the job act as if it were that moment,
/// which is how tests and operators replay a day; production refuses it.
/// </summary>
public sealed class RunJobFunction(AccessService access, MailJobService mailJobs, RetentionService retention, KtoSettings settings, TimeProvider time)
{
    [Function(nameof(RunJob))]
    public async Task<IActionResult> RunJob(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/jobs/{job}")] HttpRequest request,
        string job,
        CancellationToken cancellationToken)
    {
        if (await access.DenyUnlessBureauAsync(request, cancellationToken) is { } denied) return denied;
        var isMailJob = MailJobNames.TryParse(job, out var mailJob);
        if (!isMailJob && job != PurgeExpired)
            return ApiResults.NotFound($"Onbekende taak '{job}'. Kies {MailJobNames.SendInvitations}, {MailJobNames.SendReminders} of {PurgeExpired}.");

        var now = time.GetUtcNow();
        var at = request.Query["at"].ToString();
        if (at.Length > 0)
        {
            if (settings.IsProduction) return ApiResults.BadRequest("at-not-allowed", "?at= is in productie niet toegestaan.");
            if (!DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out now))
                return ApiResults.BadRequest("invalid-at", "Geef ?at= als ISO-tijd, bijvoorbeeld 2026-03-10T10:00:00+01:00.");
        }
        return isMailJob
            ? ApiResults.Json(await mailJobs.RunAsync(mailJob, now, cancellationToken))
            : ApiResults.Json(await retention.RunAsync(now, cancellationToken));
    }

    public const string PurgeExpired = "purge-expired";
}
