namespace Kto.Functions.Http;

/// <summary>
/// Headers of every questionnaire response. The policy allows only our own stylesheet: no script at all, no
/// inline style, no framing (clickjacking), forms only to us. No referrer, so the token in the URL never leaks
/// to another site.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static void Apply(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.XFrameOptions = "DENY";
    }
}
