using Kto.Core.Access;
using Kto.Core.Accounts;
using Kto.Core.Fieldwork;
using Kto.Core.Survey;
using Kto.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Kto.Functions.Fieldwork;

/// <summary>The bureau records a letter or a phone call for one client (a service from the offline list).</summary>
public sealed class RecordAttemptFunction(AccessService access, ManualAttemptService attempts, TimeProvider time)
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
                "Stuur JSON: { \"year\": 2026, \"service\": \"…\", \"mode\": \"letter|phone\", \"outcome\": \"sent|reached|no-answer|voicemail|refused|wrong-number|call-back|failed\", \"callBackAt\"?, \"interviewer\"? }.");

        var service = new ServiceRef(company, body.Year.Value, body.Service);
        var mode = ContactModes.Parse(body.Mode);
        // Who recorded it: the key, and the interviewer when the caller names one (audit log and the attempt's By).
        var actor = AuditActions.ApiKey(await access.IdentifyAsync(request, cancellationToken))
            + (string.IsNullOrWhiteSpace(body.Interviewer) ? "" : $" ({body.Interviewer.Trim()})");
        var result = await attempts.RecordAsync(actor, service, mode, AttemptOutcomes.Parse(body.Outcome), body.At ?? time.GetUtcNow(), cancellationToken,
            callBackAt: body.CallBackAt);
        return result switch
        {
            ManualAttemptResult.Recorded => ApiResults.Json(new { recorded = true }, StatusCodes.Status201Created),
            ManualAttemptResult.ModeNotManual => ApiResults.BadRequest("invalid-attempt", "Kies 'letter' of 'phone' als manier van benaderen."),
            ManualAttemptResult.OutcomeNotAllowed => ApiResults.BadRequest("invalid-attempt",
                $"Kies als uitkomst een van: {string.Join(", ", ManualAttemptService.AllowedOutcomes(mode!.Value).Select(AttemptOutcomes.Name))}."),
            ManualAttemptResult.CallBackTimeMissing => ApiResults.BadRequest("invalid-attempt", "Geef bij 'call-back' het tijdstip mee: \"callBackAt\": \"2026-12-01T14:00:00+01:00\"."),
            _ => ApiResults.BadRequest("invalid-attempt", "Deze dienst bestaat niet."),
        };
    }

    public sealed record AttemptRequest(int? Year, string? Service, string? Mode, string? Outcome, DateTimeOffset? At,
        DateTimeOffset? CallBackAt = null, string? Interviewer = null);
}
