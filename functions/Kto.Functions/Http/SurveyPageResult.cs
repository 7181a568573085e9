using Kto.Core.Survey;

namespace Kto.Functions.Http;

/// <summary>A rendered questionnaire page with its status code, the security headers and no caching.</summary>
public sealed class SurveyPageResult(SurveyPage page, ISurveyPageRenderer renderer) : IActionResult
{
    public int StatusCode => StatusOf(page);

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        PageLanguage.Remember(context.HttpContext.Request, response);
        var parts = renderer.RenderUtf8(page);
        WriteHead(response, StatusCode, page.RetryAfter);
        var length = 0L;
        foreach (var part in parts) length += part.Length;
        response.ContentLength = length;
        foreach (var part in parts) await response.Body.WriteAsync(part, context.HttpContext.RequestAborted);
    }

    /// <summary>
    /// Writes a page of the questionnaire's site (the questionnaire, the short-code page): its status, the security
    /// headers, no caching, and Retry-After when one is given (on 429).
    /// </summary>
    public static async Task WriteAsync(HttpResponse response, string html, int status, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        WriteHead(response, status, retryAfter);
        await response.WriteAsync(html, cancellationToken);
    }

    private static void WriteHead(HttpResponse response, int status, TimeSpan? retryAfter)
    {
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";
        SecurityHeaders.Apply(response);
        // Personal pages: never stored by a shared cache or the browser's back/forward cache.
        response.Headers.CacheControl = "no-store";
        if (retryAfter is { } wait)
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The answer to a POST body larger than any form of ours.</summary>
    public static SurveyPageResult TooLarge(HttpRequest request, ISurveyPageRenderer renderer) =>
        new(new SurveyPage(SurveyPageState.TooLarge, SurveyRequest.LanguageOf(request.Query["lang"].ToString())), renderer);

    /// <summary>404 for unknown and malformed links alike; 422 for a form with errors.</summary>
    public static int StatusOf(SurveyPage page) => page.State switch
    {
        SurveyPageState.Open when page.Errors.Count > 0 => StatusCodes.Status422UnprocessableEntity,
        SurveyPageState.NotFound => StatusCodes.Status404NotFound,
        SurveyPageState.TooManyRequests => StatusCodes.Status429TooManyRequests,
        SurveyPageState.Rejected => StatusCodes.Status403Forbidden,
        SurveyPageState.TooLarge => StatusCodes.Status413PayloadTooLarge,
        _ => StatusCodes.Status200OK,
    };
}
