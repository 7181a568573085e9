using Kto.Core.Accounts;
using Kto.Core.Questionnaires;
using Kto.Core.Reports;

namespace Kto.Functions.Reports;

/// <summary>
/// The open answers of the current draft (redacted, as its files show them) and hiding one of them, bureau only. A
/// hidden answer leaves the draft at once (a new draft id) and every later draft; who and why go to the audit log
/// (actor: the bureau key; the detail names the person given).
/// </summary>
public sealed class OpenAnswersFunction(ReportDraftService reportDrafts, AnswerHidingService answerHiding, QuestionnaireCatalog questionnaires,
    IAuditLog audit)
{
    public sealed record HideRequest(string? HiddenBy, string? Reason);

    public const int MaxReasonLength = 500;

    [BureauOnly]
    [Function(nameof(DraftOpenAnswers))]
    public async Task<IActionResult> DraftOpenAnswers(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reports/{year:int}/{company}/open-answers")] HttpRequest request,
        int year,
        string company,
        CancellationToken cancellationToken)
    {
        if (await reportDrafts.DraftOpenAnswersAsync(company, year, cancellationToken) is not { } found)
            return ApiResults.NotFound($"Er is geen concept over {year}. Start het rapport: POST /api/reports/{year}/{company}.");
        return ApiResults.Json(new
        {
            company,
            year,
            draft = found.Draft.Id,
            answers = found.Answers.Select(a => new
            {
                a.Id,
                perceel = Kto.Core.PerceelNames.DisplayName(a.Perceel),
                a.QuestionId,
                question = questionnaires.Current.Find(a.QuestionId)?.Text.Nl,
                a.Text,
            }),
            hidden = found.Hidden,
        });
    }

    [BureauOnly]
    [Function(nameof(HideOpenAnswer))]
    public async Task<IActionResult> HideOpenAnswer(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/reports/{year:int}/{company}/open-answers/{answer}/hide")] HttpRequest request,
        int year,
        string company,
        string answer,
        CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<HideRequest>(request, cancellationToken);
        if (body is null || string.IsNullOrWhiteSpace(body.HiddenBy) || body.HiddenBy.Length > 200)
            return ApiResults.BadRequest("invalid-hidden-by", "Geef mee wie het antwoord verbergt: { \"hiddenBy\": \"naam\", \"reason\": \"waarom\" }.");
        if (string.IsNullOrWhiteSpace(body.Reason) || body.Reason.Length > MaxReasonLength)
            return ApiResults.BadRequest("invalid-reason", $"Geef een reden mee (hoogstens {MaxReasonLength} tekens): {{ \"reason\": \"waarom\" }}.");

        var hiding = await answerHiding.HideAnswerAsync(company, year, answer, body.HiddenBy, body.Reason, cancellationToken);
        switch (hiding.Outcome)
        {
            case AnswerHidingOutcome.NoDraft:
                return ApiResults.NotFound($"Er is geen concept over {year}. Start het rapport: POST /api/reports/{year}/{company}.");
            case AnswerHidingOutcome.UnknownAnswer:
                return ApiResults.NotFound($"Het concept heeft geen open antwoord {answer}. Zie GET /api/reports/{year}/{company}/open-answers.");
            case AnswerHidingOutcome.Hidden:
                await audit.WriteAsync(AuditEntry.AnswerHidden(AuditActions.BureauKey, company, year, hiding.Hidden!), cancellationToken);
                break;
        }
        return ApiResults.Json(new
        {
            company,
            year,
            answer = hiding.Hidden!.AnswerId,
            hiding.Hidden.HiddenBy,
            hiding.Hidden.Reason,
            hiding.Hidden.HiddenAt,
            alreadyHidden = hiding.Outcome == AnswerHidingOutcome.AlreadyHidden,
            draft = hiding.Draft!.Id,
        });
    }
}
