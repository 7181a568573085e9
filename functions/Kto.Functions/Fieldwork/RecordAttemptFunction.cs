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
                "Stuur JSON: { \"year\": 2026, \"service\": \"…\", \"mode\": \"letter|phone\", \"outcome\": \"sent|reached|no-answer|failed\" }.");

        var service = new ServiceRef(company, body.Year.Value, body.Service);
        var mode = ContactModes.Parse(body.Mode);
        var actor = AuditActions.ApiKey(await access.IdentifyAsync(request, cancellationToken));
        var result = await attempts.RecordAsync(actor, service, mode, AttemptOutcomes.Parse(body.Outcome), body.At ?? time.GetUtcNow(), cancellationToken);
        return result switch
        {
            ManualAttemptResult.Recorded => ApiResults.Json(new { recorded = true }, StatusCodes.Status201Created),
            ManualAttemptResult.ModeNotManual => ApiResults.BadRequest("invalid-attempt", "Kies 'letter' of 'phone' als manier van benaderen."),
            ManualAttemptResult.OutcomeNotAllowed => ApiResults.BadRequest("invalid-attempt",
                $"Kies als uitkomst een van: {string.Join(", ", ManualAttemptService.AllowedOutcomes(mode!.Value).Select(AttemptOutcomes.Name))}."),
            _ => ApiResults.BadRequest("invalid-attempt", "Deze dienst bestaat niet."),
        };
    }

    public sealed record AttemptRequest(int? Year, string? Service, string? Mode, string? Outcome, DateTimeOffset? At);
}
