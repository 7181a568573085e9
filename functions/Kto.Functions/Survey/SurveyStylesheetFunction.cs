using Kto.Core.Survey;

namespace Kto.Functions.Survey;

/// <summary>
/// The questionnaire's stylesheet, served from our own origin so the page's policy can say <c>style-src 'self'</c>.
/// Pages link it with a version derived from its content, so browsers may keep it for a day.
/// </summary>
public sealed class SurveyStylesheetFunction(ISurveyPageRenderer renderer)
{
    [Function(nameof(SurveyStylesheet))]
    public IActionResult SurveyStylesheet(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = SurveyLinks.StylesheetRoute)] HttpRequest request)
    {
        SecurityHeaders.Apply(request.HttpContext.Response);
        request.HttpContext.Response.Headers.CacheControl = "public, max-age=86400";
        return new ContentResult { Content = renderer.Stylesheet, ContentType = "text/css; charset=utf-8", StatusCode = StatusCodes.Status200OK };
    }
}
