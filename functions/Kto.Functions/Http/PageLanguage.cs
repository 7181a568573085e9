using Kto.Core.Portal;
using Kto.Core.Survey;

namespace Kto.Functions.Http;

/// <summary>
/// The language of a page for people (portal, /verify, questionnaire): Dutch first, English on request. A link
/// with <c>?lang=en</c> (or <c>nl</c>) chooses it, and the choice is remembered in the <c>kto_lang</c> cookie, so
/// every next page opens in it. Only "nl" and "en" exist; anything else is Dutch.
/// </summary>
public static class PageLanguage
{
    public const string Cookie = "kto_lang";
    public const string Query = "lang";

    /// <summary>The language asked for in the URL, else the one remembered, else Dutch.</summary>
    public static string Of(HttpRequest request) =>
        SurveyRequest.LanguageOf(Asked(request) ?? request.Cookies[Cookie]);

    /// <summary>Remembers a language chosen in the URL (nothing when none was, or it is already remembered).</summary>
    public static void Remember(HttpRequest request, HttpResponse response)
    {
        if (Asked(request) is null) return;
        var chosen = Of(request);
        if (request.Cookies[Cookie] == chosen) return;
        response.Cookies.Append(Cookie, chosen, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = request.IsHttps,
            Path = "/",
            MaxAge = TimeSpan.FromDays(365),
            IsEssential = true,
        });
    }

    /// <summary>
    /// The same page in the other language: a GET keeps its path and query (with <c>lang</c> replaced); after a POST,
    /// whose address has no page of its own, the start page of that part.
    /// </summary>
    public static string SwitchUrl(HttpRequest request, string otherLanguage)
    {
        if (!HttpMethods.IsGet(request.Method))
            return (request.Path.StartsWithSegments("/verify") ? "/verify" : PortalUrls.Home) + $"?{Query}={otherLanguage}";
        var query = request.Query.Where(q => q.Key != Query)
            .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}")
            .Append($"{Query}={otherLanguage}");
        return $"{request.PathBase}{request.Path}?{string.Join('&', query)}";
    }

    private static string? Asked(HttpRequest request) =>
        request.Query.TryGetValue(Query, out var value) && value.ToString().Length > 0 ? value.ToString() : null;
}
