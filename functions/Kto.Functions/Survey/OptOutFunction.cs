using Kto.Core.Settings;
using Kto.Core.Survey;

namespace Kto.Functions.Survey;

/// <summary>
/// Opting out at <c>/s/afmelden</c>, with the mail's opt-out token (<c>?o=</c>, which can do nothing else) or the
/// questionnaire's own token (<c>t</c>, from the page's footer link). A GET only shows a confirm button (mail
/// scanners follow links); a POST opts out, including the one-click POST of List-Unsubscribe-Post (RFC 8058),
/// which carries the token in the query string of the List-Unsubscribe URL.
/// </summary>
public sealed class OptOutFunction(SurveyPageService survey, ISurveyPageRenderer renderer, SurveySettings settings)
{
    [Function(nameof(ConfirmOptOut))]
    public async Task<IActionResult> ConfirmOptOut(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = SurveyLinks.OptOutRoute)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var page = await survey.OpenOptOutAsync(RequestOf(request, null), cancellationToken);
        return new SurveyPageResult(page, renderer);
    }

    [Function(nameof(OptOut))]
    public async Task<IActionResult> OptOut(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = SurveyLinks.OptOutRoute)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var body = await SurveyForm.ReadAsync(request, cancellationToken);
        if (body.IsTooLarge) return SurveyPageResult.TooLarge(request, renderer);
        var page = await survey.OptOutAsync(RequestOf(request, body.Fields), body.Fields, cancellationToken);
        return new SurveyPageResult(page, renderer);
    }

    private SurveyRequest RequestOf(HttpRequest request, IReadOnlyDictionary<string, string?>? form) =>
        SurveyForm.Token(request, SurveyLinks.SurveyTokenField, form) is { } surveyToken
            ? SurveyForm.Request(request, settings, surveyToken, TokenPurpose.Survey, form)
            : SurveyForm.Request(request, settings, SurveyForm.Token(request, SurveyLinks.OptOutTokenField, form), TokenPurpose.OptOut, form);
}
