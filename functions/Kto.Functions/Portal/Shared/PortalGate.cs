using Kto.Core.Access;
using Kto.Core.Accounts;
using Kto.Core.Companies;
using Kto.Core.Portal;

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

    private async Task<Visitor> IdentifyAsync(HttpRequest request, CancellationToken cancellationToken)
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
    /// The one check before a portal function runs (<c>AccessGate</c> calls it for a <see cref="PortalPageAttribute"/>):
    /// null when the page may open, its <see cref="PortalOpening"/> then kept on the request for <c>request.Opening()</c>;
    /// otherwise the page to answer instead (sign in first, 404, or for a form 400 / 403).
    /// </summary>
    public async Task<IActionResult?> EnterAsync(HttpRequest request, PortalPageAttribute page, string? company, CancellationToken cancellationToken)
    {
        if (page.Access == PortalAccess.Public) return null;
        var (opening, denied) = page is PortalFormAttribute
            ? await OpenFormAsync(request, page.Access, company, cancellationToken)
            : await OpenAsync(request, page.Access, company, cancellationToken);
        if (denied is null) request.HttpContext.Items[PortalOpening.Key] = opening;
        return denied;
    }

    /// <summary>
    /// A page: signed in, of the right role (<see cref="PortalAccess.Bureau"/> pages are bureau-only), and with a
    /// company, allowed to see it (<c>Caller.MaySee</c>) and the company exists. Otherwise the denial is the page
    /// to answer: sign in first, or the same 404 as a page that does not exist.
    /// </summary>
    private async Task<(PortalOpening Opening, IActionResult? Denied)> OpenAsync(HttpRequest request, PortalAccess access, string? company,
        CancellationToken cancellationToken)
    {
        var visitor = await IdentifyAsync(request, cancellationToken);
        var opened = new PortalOpening(visitor, null, PortalOpening.NoForm);
        if (access == PortalAccess.Anyone) return (opened, null);
        if (visitor.User is null) return (opened, SignInFirst(visitor));
        if (access == PortalAccess.Bureau && visitor.User.Role != UserRole.Bureau) return (opened, NotFound(visitor));
        if (company is null) return (opened, null);
        if (!CompanyId.IsValid(company) || !visitor.User.AsCaller().MaySee(company)) return (opened, NotFound(visitor));
        var found = await companies.GetAsync(company, cancellationToken);
        return found is null ? (opened, NotFound(visitor)) : (opened with { Company = found }, null);
    }

    /// <summary>
    /// A posted form: the page opens as in <see cref="OpenAsync"/>, the url-encoded form is read, and its anti-forgery
    /// token must match the session (for <see cref="PortalAccess.Anyone"/>: the form cookie), and it was not sent
    /// from another site; a forged form gets the "refused" page.
    /// </summary>
    private async Task<(PortalOpening Opening, IActionResult? Denied)> OpenFormAsync(HttpRequest request, PortalAccess access, string? company,
        CancellationToken cancellationToken)
    {
        var (opened, denied) = await OpenAsync(request, access, company, cancellationToken);
        if (denied is not null) return (opened, denied);
        var form = await PortalForms.ReadAsync(request, cancellationToken);
        if (form is null) return (opened, Unreadable(opened.Visitor));
        var token = form.GetValueOrDefault(PortalKey.FormField);
        var genuine = access == PortalAccess.Anyone ? IsGenuinePreSession(request, token) : IsGenuine(request, opened.Visitor, token);
        return genuine ? (opened with { Form = form }, null) : (opened, Refused(opened.Visitor));
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
        var result = Page(view(token) with { Language = language.Language, SwitchUrl = language.SwitchUrl }, status);
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
        PortalResult.SeeOther(visitor.State == SessionState.Ended ? PortalUrls.SessionEnded : PortalUrls.Home);

    /// <summary>The same page for "not yours" and "does not exist", so a company cannot probe for others.</summary>
    public PortalResult NotFound(Visitor visitor) => Message(visitor, StatusCodes.Status404NotFound, "Pagina niet gevonden",
        "Deze pagina bestaat niet, of u hebt er geen toegang toe.");

    /// <summary>A form whose body cannot be read (broken multipart, thousands of fields): 400, the portal's own page.</summary>
    public PortalResult Unreadable(Visitor visitor) => Message(visitor, StatusCodes.Status400BadRequest, "Formulier niet leesbaar",
        "Dit formulier kwam niet goed aan. Open de pagina opnieuw en probeer het nog eens.");

    public PortalResult Refused(Visitor visitor) => Message(visitor, StatusCodes.Status403Forbidden, "Formulier geweigerd",
        "Dit formulier kwam niet van een pagina van dit portaal of is verlopen. Open de pagina opnieuw en probeer het nog eens.");

    public PortalResult Message(Visitor visitor, int status, string heading, string text, string? linkUrl = null, string? linkText = null) =>
        Page(visitor, "message.liquid", heading, new MessagePage(heading, text, linkUrl, linkText), status: status);

    /// <summary>A page in the portal's frame, as <paramref name="visitor"/> sees it (their language, their form token).</summary>
    public PortalResult Page(Visitor visitor, string template, PageText title, object model, string? nav = null, int status = StatusCodes.Status200OK) =>
        Page(View(visitor, template, title, model, nav), status);

    /// <summary>A page from a view made with <see cref="View"/> and changed (a refresh, a status).</summary>
    public PortalResult Page(PortalView view, int status = StatusCodes.Status200OK) => PortalResult.Page(pages.Render(view), status);

    public PortalView View(Visitor visitor, string template, PageText title, object model, string? nav = null) =>
        new(template, title, visitor.User, visitor.SessionId is null ? null : FormToken(visitor), model)
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

/// <summary>
/// Who may open a portal page: anyone, any signed-in user, or bureau users only. A page whose route names
/// <c>{company}</c> also needs a user who may see that company (its own users, or the bureau) and the company to exist.
/// </summary>
public enum PortalAccess
{
    /// <summary>Nothing is looked up, not even the session (static files, the sign-in link's confirm page).</summary>
    Public,
    /// <summary>Also before sign-in (sign-in pages, /verify): a form is bound to the <c>kto_form</c> cookie.</summary>
    Anyone,
    SignedIn,
    Bureau,
}

/// <summary>An opened portal page or form: who asks, the company it is about (when the route names one), the posted form.</summary>
public sealed record PortalOpening(Visitor Visitor, Company? Company, IReadOnlyDictionary<string, string?> Form)
{
    /// <summary>Where <see cref="PortalGate.EnterAsync"/> keeps it on the request (<c>HttpContext.Items</c>, in both hosts).</summary>
    public static readonly object Key = new();

    public static readonly IReadOnlyDictionary<string, string?> NoForm = new Dictionary<string, string?>();
}

/// <summary>Who is asking: a signed-in user with their session, or nobody (and whether a session just ended).</summary>
public sealed record Visitor(PortalUser? User, string? SessionId, SessionState State)
{
    /// <summary>"nl" or "en" (<see cref="PageLanguage"/>).</summary>
    public string Language { get; init; } = "nl";

    /// <summary>This page in the other language.</summary>
    public string? SwitchUrl { get; init; }
}
