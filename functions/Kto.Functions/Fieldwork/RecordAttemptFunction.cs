using Kto.Core.Access;
using Kto.Core.Accounts;
using Kto.Core.Fieldwork;
using Kto.Core.Survey;

namespace Kto.Functions.Fieldwork;

/// <summary>
/// The bureau records a letter or a phone call for one client (a service from the offline list). The rules of
/// <see cref="ManualAttemptService"/> hold here as in the portal: no call outside the calling hours or after calling
/// ended (409), and a repeat of the same record answers as the first did without recording it twice.
/// </summary>
public sealed class RecordAttemptFunction(AccessService access, ManualAttemptService attempts, ContactPolicy policy, TimeProvider time)
{
    [BureauOnly]
    [Function(nameof(RecordAttempt))]
    public async Task<IActionResult> RecordAttempt(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/companies/{company}/attempts")] HttpRequest request,
        string company,
        CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<AttemptRequest>(request, cancellationToken);
        if (body is null || body.Year is null || string.IsNullOrEmpty(body.Service))
            return ApiResults.BadRequest("invalid-body",
                "Stuur JSON: { \"year\": 2026, \"service\": \"…\", \"mode\": \"letter|phone\", \"outcome\": \"sent|reached|no-answer|voicemail|refused|wrong-number|call-back|failed\", \"callBackAt\"?, \"interviewer\"?, \"step\"? }.");

        var service = new ServiceRef(company, body.Year.Value, body.Service);
        var mode = ContactModes.Parse(body.Mode);
        // Who recorded it: the key, and the interviewer when the caller names one (audit log and the attempt's By).
        var actor = AuditActions.ApiKey(await access.IdentifyAsync(request, cancellationToken))
            + (string.IsNullOrWhiteSpace(body.Interviewer) ? "" : $" ({body.Interviewer.Trim()})");
        var result = await attempts.RecordAsync(actor, service, mode, AttemptOutcomes.Parse(body.Outcome), body.At ?? time.GetUtcNow(), cancellationToken,
            callBackAt: body.CallBackAt, seenStep: body.Step);
        return result switch
        {
            ManualAttemptOutcome.Recorded or ManualAttemptOutcome.AlreadyRecorded => ApiResults.Json(new { recorded = true }, StatusCodes.Status201Created),
            ManualAttemptOutcome.OutsideCallingHours => ApiResults.Error(StatusCodes.Status409Conflict, "outside-calling-hours",
                $"Dit gesprek valt buiten de beltijden ({policy.CallingHoursText}). Er is niets vastgelegd."),
            ManualAttemptOutcome.CallingEnded => ApiResults.Error(StatusCodes.Status409Conflict, "calling-ended",
                $"Deze cliënt wordt niet meer gebeld: geweigerd, een verkeerd nummer, of het maximum van {policy.MaxCallAttempts} pogingen. Er is niets vastgelegd."),
            ManualAttemptOutcome.ModeNotManual => ApiResults.BadRequest("invalid-attempt", "Kies 'letter' of 'phone' als manier van benaderen."),
            ManualAttemptOutcome.OutcomeNotAllowed => ApiResults.BadRequest("invalid-attempt",
                $"Kies als uitkomst een van: {string.Join(", ", ManualAttemptService.AllowedOutcomes(mode!.Value).Select(AttemptOutcomes.Name))}."),
            ManualAttemptOutcome.CallBackTimeMissing => ApiResults.BadRequest("invalid-attempt", "Geef bij 'call-back' het tijdstip mee: \"callBackAt\": \"2026-12-01T14:00:00+01:00\"."),
            _ => ApiResults.BadRequest("invalid-attempt", "Deze dienst bestaat niet."),
        };
    }

    /// <param name="Step">The client's step as the caller saw it (offline list, call list): makes a retry safe.</param>
    public sealed record AttemptRequest(int? Year, string? Service, string? Mode, string? Outcome, DateTimeOffset? At,
        DateTimeOffset? CallBackAt = null, string? Interviewer = null, int? Step = null);
}
