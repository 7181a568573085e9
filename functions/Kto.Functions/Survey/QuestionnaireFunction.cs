using Kto.Core.Settings;
using Kto.Core.Survey;

namespace Kto.Functions.Survey;

/// <summary>
/// The questionnaire on a client's personal link: the page (<c>GET /s?t=TOKEN</c>), and the answers posted from it
/// (<c>POST /s</c>, the token in the form body). The token is never part of the path the host logs.
/// </summary>
public sealed class QuestionnaireFunction(SurveyPageService survey, ISurveyPageRenderer renderer, SurveySettings settings)
{
    [Function(nameof(OpenQuestionnaire))]
    public async Task<IActionResult> OpenQuestionnaire(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = SurveyLinks.QuestionnaireRoute)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var token = SurveyForm.Token(request, SurveyLinks.SurveyTokenField);
        var page = await survey.OpenAsync(SurveyForm.Request(request, settings, token, TokenPurpose.Survey), cancellationToken);
        return new SurveyPageResult(page, renderer);
    }

    [Function(nameof(SubmitQuestionnaire))]
    public async Task<IActionResult> SubmitQuestionnaire(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = SurveyLinks.QuestionnaireRoute)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var body = await SurveyForm.ReadAsync(request, cancellationToken);
        if (body.IsTooLarge) return SurveyPageResult.TooLarge(request, renderer);
        var token = SurveyForm.Token(request, SurveyLinks.SurveyTokenField, body.Fields);
        var page = await survey.SubmitAsync(SurveyForm.Request(request, settings, token, TokenPurpose.Survey, body.Fields), body.Fields, cancellationToken);
        return new SurveyPageResult(page, renderer);
    }
}
