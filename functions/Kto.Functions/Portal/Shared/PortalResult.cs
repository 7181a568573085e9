using System.Text;

namespace Kto.Functions.Portal;

/// <summary>
/// A portal answer: an HTML page or a 303 redirect, with the cookies to set or clear, the portal's security policy
/// and no caching (pages show a person's company data).
/// </summary>
public sealed class PortalResult : IActionResult
{
    /// <summary>Like the questionnaire's policy, plus the portal's own script (drag and drop, hashing in the browser).</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private readonly List<Action<HttpResponse>> cookies = [];
    private bool ownFrames;
    private TimeSpan? retryAfter;

    public int StatusCode { get; private init; } = StatusCodes.Status200OK;
    public StringBuilder? Html { get; private init; }
    public string? Location { get; private init; }

    public static PortalResult Page(StringBuilder html, int status = StatusCodes.Status200OK) => new() { Html = html, StatusCode = status };

    /// <summary>303: after a form post the browser GETs the next page, so a reload never posts twice.</summary>
    public static PortalResult SeeOther(string location) => new() { Location = location, StatusCode = StatusCodes.Status303SeeOther };

    public PortalResult WithCookie(Action<HttpResponse> apply)
    {
        cookies.Add(apply);
        return this;
    }

    /// <summary>A 429 says when to try again (<c>Retry-After</c>, whole seconds, at least 1).</summary>
    public PortalResult WithRetryAfter(TimeSpan? wait)
    {
        retryAfter = wait;
        return this;
    }

    /// <summary>The page may show our own documents in a frame (the draft PDF preview); nothing from elsewhere.</summary>
    public PortalResult WithOwnFrames()
    {
        ownFrames = true;
        return this;
    }

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCode;
        SecurityHeaders.Apply(response);
        response.Headers.ContentSecurityPolicy = ownFrames ? ContentSecurityPolicy + "; frame-src 'self'" : ContentSecurityPolicy;
        response.Headers["Referrer-Policy"] = "same-origin";
        response.Headers.CacheControl = "no-store";
        foreach (var apply in cookies) apply(response);
        PageLanguage.Remember(context.HttpContext.Request, response);
        if (Location is not null) response.Headers.Location = Location;
        if (retryAfter is { } wait)
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (Html is not null)
        {
            response.ContentType = "text/html; charset=utf-8";
            // Chunk by chunk into the response's buffers (one encoder, so a character split between chunks is whole).
            var encoder = Encoding.UTF8.GetEncoder();
            foreach (var chunk in Html.GetChunks())
                encoder.Convert(chunk.Span, response.BodyWriter, flush: false, out _, out _);
            encoder.Convert(ReadOnlySpan<char>.Empty, response.BodyWriter, flush: true, out _, out _);
            await response.BodyWriter.FlushAsync(context.HttpContext.RequestAborted);
        }
    }
}
