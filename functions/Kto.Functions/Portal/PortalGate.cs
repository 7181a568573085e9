using Kto.Core.Portal;
using Kto.Core.Access;
using Kto.Core.Accounts;
using Kto.Core.Companies;
using Kto.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Kto.Functions.Portal;

/// <summary>
/// What every portal page asks of a request: who is signed in (the signed session cookie), whether a posted form is
/// genuine (its anti-forgery token, bound to the session or before sign-in to a form cookie), and the standard
/// pages for "sign in first", "not found" and "refused". One instance serves every portal function class (DI).
/// </summary>
public sealed class PortalGate(SessionService sessions, PortalKey key, IPortalPages pages, ICompanyStore companies)
{
    public const string SessionCookie = "kto_session";
    public const string FormCookie = "kto_form";

    public IPortalPages Pages => pages;

    public async Task<Visitor> IdentifyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        return Language(await SessionOfAsync(request, cancellationToken), request);
    }

    private static Visitor Language(Visitor visitor, HttpRequest request)
    {
        var language = PageLanguage.Of(request);
        return visitor with { Language = language, SwitchUrl = PageLanguage.SwitchUrl(request, language == "en" ? "nl" : "en") };
    }

    private async Task<Visitor> SessionOfAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var raw = request.Cookies[SessionCookie];
        if (raw is null) return new Visitor(null, null, SessionState.None);
        var sessionId = key.Read(raw);
        // A tampered cookie is treated as an ended session: the person signs in again.
        if (sessionId is null) return new Visitor(null, null, SessionState.Ended);
        var lookup = await sessions.ResolveAsync(sessionId, cancellationToken);
        return lookup.State == SessionState.Active ? new Visitor(lookup.User, sessionId, SessionState.Active) : new Visitor(null, null, lookup.State);
    }

    /// <summary>
    /// A page: signed in, of the right role (<see cref="PortalAccess.Bureau"/> pages are bureau-only), and with a
    /// company, allowed to see it (<c>Caller.MaySee</c>) and the company exists. Otherwise <c>Denied</c> is the page
    /// to answer: sign in first, or the same 404 as a page that does not exist.
    /// </summary>
    public async Task<PortalOpening> OpenAsync(HttpRequest request, PortalAccess access, string? company, CancellationToken cancellationToken)
    {
        var visitor = await IdentifyAsync(request, cancellationToken);
        if (access == PortalAccess.Anyone) return new PortalOpening(visitor, null, PortalOpening.NoForm, null);
        if (visitor.User is null) return PortalOpening.Refuse(visitor, SignInFirst(visitor));
        if (access == PortalAccess.Bureau && visitor.User.Role != UserRole.Bureau) return PortalOpening.Refuse(visitor, NotFound(visitor));
        if (company is null) return new PortalOpening(visitor, null, PortalOpening.NoForm, null);
        if (!CompanyId.IsValid(company) || !visitor.User.AsCaller().MaySee(company)) return PortalOpening.Refuse(visitor, NotFound(visitor));
        var found = await companies.GetAsync(company, cancellationToken);
        return found is null ? PortalOpening.Refuse(visitor, NotFound(visitor)) : new PortalOpening(visitor, found, PortalOpening.NoForm, null);
    }

    /// <summary>
    /// A posted form: the page opens as in <see cref="OpenAsync"/>, the url-encoded form is read, and its anti-forgery
    /// token must match the session (for <see cref="PortalAccess.Anyone"/>: the form cookie), and it was not sent
    /// from another site; a forged form gets the "refused" page.
    /// </summary>
    public async Task<PortalOpening> OpenFormAsync(HttpRequest request, PortalAccess access, string? company, CancellationToken cancellationToken)
    {
        var opened = await OpenAsync(request, access, company, cancellationToken);
        if (opened.Denied is not null) return opened;
        var form = await PortalForms.ReadAsync(request, cancellationToken);
        if (form is null) return PortalOpening.Refuse(opened.Visitor, Unreadable(opened.Visitor));
        var token = form.GetValueOrDefault(PortalKey.FormField);
        var genuine = access == PortalAccess.Anyone ? IsGenuinePreSession(request, token) : IsGenuine(request, opened.Visitor, token);
        return genuine
            ? opened with { Form = form }
            : PortalOpening.Refuse(opened.Visitor, Refused(opened.Visitor));
    }

    /// <summary>The anti-forgery token for a signed-in visitor's forms.</summary>
    public string FormToken(Visitor visitor) => key.FormToken(visitor.SessionId!);

    /// <summary>A form posted by a signed-in visitor: its token matches the session, and it was not sent from another site.</summary>
    public bool IsGenuine(HttpRequest request, Visitor visitor, string? token) =>
        visitor.SessionId is not null && !CrossSite.Is(request) && key.FormTokenMatches(visitor.SessionId, token);

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
        return id is not null && !CrossSite.Is(request) && key.FormTokenMatches("pre|" + id, token);
    }

    /// <summary>A page with a form for anyone (sign-in, /verify): the token of the form cookie, which is set when new.</summary>
    public PortalResult PreSessionPage(HttpRequest request, Func<string, PortalView> view, int status = StatusCodes.Status200OK)
    {
        var (id, token, isNew) = PreSessionForm(request);
        var language = Language(new Visitor(null, null, SessionState.None), request);
        var result = PortalResult.Page(pages.Render(view(token) with { Language = language.Language, SwitchUrl = language.SwitchUrl }), status);
        return isNew ? result.WithCookie(SetFormCookie(request, id)) : result;
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

    /// <summary>A form whose body cannot be read (broken multipart, thousands of fields): 400, the portal's own page.</summary>
    public PortalResult Unreadable(Visitor visitor) => Message(visitor, StatusCodes.Status400BadRequest, "Formulier niet leesbaar",
        "Dit formulier kwam niet goed aan. Open de pagina opnieuw en probeer het nog eens.");

    public PortalResult Refused(Visitor visitor) => Message(visitor, StatusCodes.Status403Forbidden, "Formulier geweigerd",
        "Dit formulier kwam niet van een pagina van dit portaal of is verlopen. Open de pagina opnieuw en probeer het nog eens.");

    public PortalResult Message(Visitor visitor, int status, string heading, string text, string? linkUrl = null, string? linkText = null) =>
        PortalResult.Page(pages.Render(View(visitor, "message.liquid", heading,
            new Dictionary<string, object?> { ["heading"] = heading, ["text"] = text, ["link_url"] = linkUrl, ["link_text"] = linkText })), status);

    public PortalView View(Visitor visitor, string template, string title, Dictionary<string, object?> values, string? nav = null) =>
        new(template, title, visitor.User, visitor.SessionId is null ? null : FormToken(visitor), values)
        {
            Nav = nav, Language = visitor.Language, SwitchUrl = visitor.SwitchUrl,
        };

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

/// <summary>Who may open a portal page: anyone, any signed-in user (a company page checks the company too), or bureau users only.</summary>
public enum PortalAccess
{
    /// <summary>Also before sign-in (sign-in pages, /verify): a form is bound to the <c>kto_form</c> cookie.</summary>
    Anyone,
    SignedIn,
    Bureau,
}

/// <summary>An opened portal page or form: who asks, the company it is about, the posted form; or the page that refuses it.</summary>
public sealed record PortalOpening(Visitor Visitor, Company? Company, IReadOnlyDictionary<string, string?> Form, IActionResult? Denied)
{
    public static readonly IReadOnlyDictionary<string, string?> NoForm = new Dictionary<string, string?>();

    public static PortalOpening Refuse(Visitor visitor, IActionResult page) => new(visitor, null, NoForm, page);
}

/// <summary>Who is asking: a signed-in user with their session, or nobody (and whether a session just ended).</summary>
public sealed record Visitor(PortalUser? User, string? SessionId, SessionState State)
{
    /// <summary>"nl" or "en" (<see cref="PageLanguage"/>).</summary>
    public string Language { get; init; } = "nl";

    /// <summary>This page in the other language.</summary>
    public string? SwitchUrl { get; init; }
}
