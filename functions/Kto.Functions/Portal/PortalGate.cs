using Kto.Core.Access;
using Kto.Core.Accounts;
using Kto.Core.Companies;
using Kto.Infrastructure.Portal;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Kto.Functions.Portal;

/// <summary>
/// What every portal page asks of a request: who is signed in (the signed session cookie), whether a posted form is
/// genuine (its anti-forgery token, bound to the session or before sign-in to a form cookie), and the standard
/// pages for "sign in first", "not found" and "refused".
/// </summary>
public sealed class PortalGate(SessionService sessions, PortalKey key, PortalPageRenderer pages)
{
    public const string SessionCookie = "kto_session";
    public const string FormCookie = "kto_form";

    public PortalPageRenderer Pages => pages;

    public async Task<Visitor> IdentifyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var raw = request.Cookies[SessionCookie];
        if (raw is null) return new Visitor(null, null, SessionState.None);
        var sessionId = key.Read(raw);
        // A tampered cookie is treated as an ended session: the person signs in again.
        if (sessionId is null) return new Visitor(null, null, SessionState.Ended);
        var lookup = await sessions.ResolveAsync(sessionId, cancellationToken);
        return lookup.State == SessionState.Active ? new Visitor(lookup.User, sessionId, SessionState.Active) : new Visitor(null, null, lookup.State);
    }

    /// <summary>Signed in, allowed to see this company (<c>Caller.MaySee</c>), and the company exists: otherwise the page to answer.</summary>
    public async Task<(Visitor Visitor, Company? Company, IActionResult? Denied)> OpenCompanyAsync(
        HttpRequest request, string company, ICompanyStore companies, CancellationToken cancellationToken)
    {
        var visitor = await IdentifyAsync(request, cancellationToken);
        if (visitor.User is null) return (visitor, null, SignInFirst(visitor));
        if (!CompanyId.IsValid(company) || !visitor.User.AsCaller().MaySee(company)) return (visitor, null, NotFound(visitor));
        var found = await companies.GetAsync(company, cancellationToken);
        return found is null ? (visitor, null, NotFound(visitor)) : (visitor, found, null);
    }

    /// <summary>The anti-forgery token for a signed-in visitor's forms.</summary>
    public string FormToken(Visitor visitor) => key.FormToken(visitor.SessionId!);

    /// <summary>A form posted by a signed-in visitor: its token matches the session, and it was not sent from another site.</summary>
    public bool IsGenuine(HttpRequest request, Visitor visitor, string? token) =>
        visitor.SessionId is not null && !CrossSite(request) && key.FormTokenMatches(visitor.SessionId, token);

    /// <summary>Before sign-in: the form cookie's id (made when missing) and the token for the page's form.</summary>
    public (string Id, string Token, bool IsNew) PreSessionForm(HttpRequest request)
    {
        var id = key.Read(request.Cookies[FormCookie]);
        var isNew = id is null;
        id ??= SecretKeys.Create(16);
        return (id, key.FormToken("pre|" + id), isNew);
    }

    public bool IsGenuinePreSession(HttpRequest request, string? token)
    {
        var id = key.Read(request.Cookies[FormCookie]);
        return id is not null && !CrossSite(request) && key.FormTokenMatches("pre|" + id, token);
    }

    public Action<HttpResponse> SetFormCookie(HttpRequest request, string id) =>
        response => response.Cookies.Append(FormCookie, key.Sign(id), Options(request, maxAge: TimeSpan.FromHours(2)));

    public Action<HttpResponse> SetSessionCookie(HttpRequest request, string sessionId) =>
        response => response.Cookies.Append(SessionCookie, key.Sign(sessionId), Options(request, maxAge: null));

    public Action<HttpResponse> ClearSessionCookie(HttpRequest request) =>
        response => response.Cookies.Delete(SessionCookie, Options(request, maxAge: null));

    /// <summary>Not signed in: to the sign-in page, saying so when a session just ended.</summary>
    public PortalResult SignInFirst(Visitor visitor) =>
        PortalResult.SeeOther(visitor.State == SessionState.Ended ? "/portal?sessie=verlopen" : "/portal");

    /// <summary>The same page for "not yours" and "does not exist", so a company cannot probe for others.</summary>
    public PortalResult NotFound(Visitor visitor) => Message(visitor, StatusCodes.Status404NotFound, "Pagina niet gevonden",
        "Deze pagina bestaat niet, of u hebt er geen toegang toe.");

    public PortalResult Refused(Visitor visitor) => Message(visitor, StatusCodes.Status403Forbidden, "Formulier geweigerd",
        "Dit formulier kwam niet van een pagina van dit portaal of is verlopen. Open de pagina opnieuw en probeer het nog eens.");

    public PortalResult Message(Visitor visitor, int status, string heading, string text, string? linkUrl = null, string? linkText = null) =>
        PortalResult.Page(pages.Render(new PortalView("message.liquid", heading, visitor.User, visitor.SessionId is null ? null : FormToken(visitor),
            new Dictionary<string, object?> { ["heading"] = heading, ["text"] = text, ["link_url"] = linkUrl, ["link_text"] = linkText })), status);

    public PortalView View(Visitor visitor, string template, string title, Dictionary<string, object?> values, string? nav = null) =>
        new(template, title, visitor.User, visitor.SessionId is null ? null : FormToken(visitor), values) { Nav = nav };

    private static bool CrossSite(HttpRequest request) =>
        string.Equals(request.Headers["Sec-Fetch-Site"].ToString(), "cross-site", StringComparison.OrdinalIgnoreCase);

    /// <summary>HttpOnly, SameSite=Strict, path /; Secure everywhere except plain http on this machine.</summary>
    private static CookieOptions Options(HttpRequest request, TimeSpan? maxAge) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = request.IsHttps || !IsLoopback(request.Host.Host),
        Path = "/",
        MaxAge = maxAge,
        IsEssential = true,
    };

    private static bool IsLoopback(string host) =>
        host is "localhost" or "127.0.0.1" or "[::1]" or "::1";
}

/// <summary>Who is asking: a signed-in user with their session, or nobody (and whether a session just ended).</summary>
public sealed record Visitor(PortalUser? User, string? SessionId, SessionState State);
