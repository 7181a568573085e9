using Kto.Core.Letters;
using Kto.Core.Settings;
using Kto.Core.Survey;

namespace Kto.Functions.Letters;

/// <summary>
/// The short address printed on letters (<c>/k</c>): one field "Code". A right code leads, through a fresh personal
/// link, to the same questionnaire as the letter's QR code (303 to <c>/s?t=…</c>); a wrong one is answered in Dutch
/// on the page, too many wrong ones from one address with 429.
/// </summary>
public sealed class ShortCodeFunction(ShortCodeService codes, ISurveyPageRenderer renderer, SurveySettings settings)
{
    [Function(nameof(ShortCodePage))]
    public IActionResult ShortCodePage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = SurveyLinks.ShortCodeRoute)] HttpRequest request) =>
        Page(SurveyRequest.LanguageOf(request.Query["lang"].ToString()), null, null, StatusCodes.Status200OK);

    [Function(nameof(ShortCodeEntered))]
    public async Task<IActionResult> ShortCodeEntered(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = SurveyLinks.ShortCodeRoute)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var body = await SurveyForm.ReadAsync(request, cancellationToken);
        if (body.IsTooLarge) return SurveyPageResult.TooLarge(request, renderer);
        var lang = SurveyRequest.LanguageOf(body.Fields.GetValueOrDefault("lang"));
        if (CrossSite.Is(request))
            return new SurveyPageResult(new SurveyPage(SurveyPageState.Rejected, lang), renderer);

        var typed = body.Fields.GetValueOrDefault("code");
        var result = await codes.OpenAsync(typed, ClientAddress.Of(request, settings.TrustedProxies), cancellationToken);
        return result.Outcome switch
        {
            ShortCodeOutcome.Found => SeeOther(SurveyLinks.Questionnaire("", result.SurveyToken!) + (lang == "en" ? "&lang=en" : "")),
            ShortCodeOutcome.Malformed => Page(lang, "code_malformed", typed, StatusCodes.Status422UnprocessableEntity),
            ShortCodeOutcome.Unknown => Page(lang, "code_unknown", typed, StatusCodes.Status422UnprocessableEntity),
            _ => Page(lang, "code_toomany", typed, StatusCodes.Status429TooManyRequests, result.RetryAfter),
        };
    }

    private ContentResultWithHeaders Page(string lang, string? error, string? entered, int status, TimeSpan? retryAfter = null) =>
        new(renderer.RenderCodePage(lang, error, entered?.Length > 20 ? entered[..20] : entered), status, retryAfter);

    private static IActionResult SeeOther(string location) => new SeeOtherResult(location);

    /// <summary>The page with the questionnaire's security headers, no caching, and Retry-After on 429.</summary>
    private sealed class ContentResultWithHeaders(string html, int status, TimeSpan? retryAfter) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) =>
            SurveyPageResult.WriteAsync(context.HttpContext.Response, html, status, retryAfter, context.HttpContext.RequestAborted);
    }

    /// <summary>303 to the questionnaire: the browser follows with a GET, so a reload never posts the code again.</summary>
    private sealed class SeeOtherResult(string location) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            response.StatusCode = StatusCodes.Status303SeeOther;
            SecurityHeaders.Apply(response);
            response.Headers.CacheControl = "no-store";
            response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}
