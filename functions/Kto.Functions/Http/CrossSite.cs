using Kto.Core.Settings;
using Microsoft.Extensions.DependencyInjection;

namespace Kto.Functions.Http;

/// <summary>
/// Was a form posted from another site? Yes when the browser says so (<c>Sec-Fetch-Site: cross-site</c>) or when the
/// <c>Origin</c> header names another origin than this host or <c>Kto:PublicBaseUrl</c> (a proxy such as Front Door
/// may forward another host name). No <c>Origin</c>, or <c>Origin: null</c> (what a browser sends for a form on a page
/// with <c>Referrer-Policy: no-referrer</c>, as the questionnaire's pages are), is left to <c>Sec-Fetch-Site</c> and
/// the anti-forgery token.
/// </summary>
public static class CrossSite
{
    public static bool Is(HttpRequest request)
    {
        if (string.Equals(request.Headers["Sec-Fetch-Site"].ToString(), "cross-site", StringComparison.OrdinalIgnoreCase)) return true;
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0 || origin == "null") return false;
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var from)) return true;
        if (SameOrigin(from, request.Scheme, request.Host.Host, request.Host.Port)) return false;
        var publicBase = request.HttpContext.RequestServices?.GetService<KtoSettings>()?.PublicBaseUrl;
        return !(Uri.TryCreate(publicBase, UriKind.Absolute, out var own) && SameOrigin(from, own.Scheme, own.Host, own.Port));
    }

    /// <summary>Host and port must match; the scheme too, except that a host behind TLS termination sees http.</summary>
    private static bool SameOrigin(Uri from, string scheme, string host, int? port)
    {
        if (!string.Equals(from.Host, host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase)) return false;
        var fromPort = from.Port;
        var ownPort = port ?? (scheme == "https" ? 443 : 80);
        if (fromPort == ownPort) return true;
        // https://host (443) reaching a host that sees http://host (80) behind the platform's TLS front end.
        return from.Scheme == "https" && scheme == "http" && port is null && fromPort == 443;
    }
}
