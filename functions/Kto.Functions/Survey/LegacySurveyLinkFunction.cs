using Kto.Core.Settings;
using Kto.Core.Survey;

namespace Kto.Functions.Survey;

/// <summary>
/// Links sent before tokens left the path (<c>/api/s/{token}</c>). They keep working until the fieldwork of their
/// year closes (after that they show the closed page like any link); this class can go once the last such year has
/// closed. A GET is sent on to the new address, so the rest of the visit no longer puts the token in a path; a POST
/// (a form opened before the change, or a mail program's one-click opt-out, which does not follow redirects) is
/// answered here. The token's shape and the unknown-link limit are checked before a POST body is read.
/// </summary>
public sealed class LegacySurveyLinkFunction(SurveyPageService survey, ISurveyPageRenderer renderer, SurveySettings settings)
{
    [Function(nameof(LegacyOpenQuestionnaire))]
    public IActionResult LegacyOpenQuestionnaire(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = SurveyLinks.LegacyQuestionnaireRoute)] HttpRequest request,
        string token) =>
        Redirect(request, SurveyLinks.QuestionnaireRoute, token);

    [Function(nameof(LegacySubmitQuestionnaire))]
    public Task<IActionResult> LegacySubmitQuestionnaire(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = SurveyLinks.LegacyQuestionnaireRoute)] HttpRequest request,
        string token,
        CancellationToken cancellationToken)
        => PostAsync(request, token, survey.SubmitAsync, cancellationToken);

    [Function(nameof(LegacyConfirmOptOut))]
    public IActionResult LegacyConfirmOptOut(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = SurveyLinks.LegacyOptOutRoute)] HttpRequest request,
        string token) =>
        Redirect(request, SurveyLinks.OptOutRoute, token);

    [Function(nameof(LegacyOptOut))]
    public Task<IActionResult> LegacyOptOut(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = SurveyLinks.LegacyOptOutRoute)] HttpRequest request,
        string token,
        CancellationToken cancellationToken)
        => PostAsync(request, token, survey.OptOutAsync, cancellationToken);

    /// <summary>To the same page with the token in the query string (and the language, if one was asked for).</summary>
    private static IActionResult Redirect(HttpRequest request, string route, string token)
    {
        var lang = request.Query["lang"].ToString();
        var url = $"/{route}?{SurveyLinks.SurveyTokenField}={Uri.EscapeDataString(token)}"
                  + (lang.Length > 0 ? $"&lang={Uri.EscapeDataString(lang)}" : "");
        SecurityHeaders.Apply(request.HttpContext.Response);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return new RedirectResult(url);
    }

    /// <summary>A POST to an old path: token shape and the unknown-link limit first, then the (capped) body, then the page.</summary>
    private async Task<IActionResult> PostAsync(HttpRequest request, string token,
        Func<SurveyRequest, IReadOnlyDictionary<string, string?>, CancellationToken, Task<SurveyPage>> handle, CancellationToken cancellationToken)
    {
        if (survey.Precheck(SurveyForm.Request(request, settings, token, TokenPurpose.Survey)) is { } early)
            return new SurveyPageResult(early, renderer);
        var body = await SurveyForm.ReadAsync(request, cancellationToken);
        if (body.IsTooLarge) return SurveyPageResult.TooLarge(request, renderer);
        var page = await handle(SurveyForm.Request(request, settings, token, TokenPurpose.Survey, body.Fields), body.Fields, cancellationToken);
        return new SurveyPageResult(page, renderer);
    }
}
