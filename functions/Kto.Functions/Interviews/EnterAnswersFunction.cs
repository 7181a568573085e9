using System.Text.Json;
using Kto.Core.Accounts;
using Kto.Core.Deliveries;
using Kto.Core.Interviews;
using Kto.Core.Portal;
using Kto.Core.Survey;

namespace Kto.Functions.Interviews;

/// <summary>The bureau enters a client's answers from a phone interview or a returned paper form (<see cref="AnswerEntryService"/>).</summary>
public sealed class EnterAnswersFunction(AnswerEntryService entry)
{
    [BureauOnly]
    [Function(nameof(EnterAnswers))]
    public async Task<IActionResult> EnterAnswers(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/companies/{company}/answers")] HttpRequest request,
        string company,
        CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<AnswersRequest>(request, cancellationToken);
        if (body is null || body.Year is not { } year || !YearQuery.IsValid(year) || string.IsNullOrEmpty(body.Service) || body.Answers is null)
            return ApiResults.BadRequest("invalid-body",
                "Stuur JSON: { \"year\": 2026, \"service\": \"…\", \"mode\": \"phone|paper\", \"answers\": { \"rapportcijfer\": 8, … }, \"interviewer\": \"naam@bureau.nl\" }.");
        var mode = ResponseModes.Parse(body.Mode);
        if (mode is not (ResponseMode.Phone or ResponseMode.Paper))
            return ApiResults.BadRequest("invalid-mode", "Kies 'phone' (telefonisch interview) of 'paper' (papieren vragenlijst) als manier van antwoorden.");

        if (!ServiceKey.LooksLikeId(body.Service)) return ApiResults.Error(AnswerEntryAnswers.For(AnswerEntryOutcome.UnknownService));
        var answers = body.Answers.ToDictionary(a => a.Key, a => Text(a.Value), StringComparer.Ordinal);
        var enteredBy = string.IsNullOrWhiteSpace(body.Interviewer) ? AuditActions.BureauKey : body.Interviewer.Trim();
        var result = await entry.EnterAsync(new AnswerEntry(new ServiceRef(company, year, body.Service), mode.Value, answers, enteredBy, AuditActions.BureauKey),
            cancellationToken);
        if (result.Outcome == AnswerEntryOutcome.Stored)
            return ApiResults.Json(new { stored = true, service = body.Service, mode = ResponseModes.Name(mode.Value) }, StatusCodes.Status201Created);
        var (status, code, message) = AnswerEntryAnswers.For(result.Outcome);
        if (result.Outcome != AnswerEntryOutcome.Invalid) return ApiResults.Error(status, code, message.ToString());
        return new ObjectResult(new
        {
            error = code,
            message,
            issues = result.Issues.Select(i => new { question = i.QuestionId, code = i.Code, message = i.MessageNl }),
        }) { StatusCode = status };
    }

    /// <summary>A number, a text or null, as the questionnaire form would post it; anything else stays its JSON text (and fails validation).</summary>
    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };

    public sealed record AnswersRequest(int? Year, string? Service, string? Mode, Dictionary<string, JsonElement>? Answers, string? Interviewer);
}
