using Kto.Core.Portal;

namespace Kto.Functions.Portal;

/// <summary>What <c>layout.liquid</c>, the frame of every portal page, reads besides the page's own model.</summary>
public sealed record PortalFrame(
    string Body,
    PageText PageTitle,
    string Bureau,
    string BureauEmail,
    string CssUrl,
    string JsUrl,
    string CsrfField,
    string? Csrf,
    int? RefreshAfter,
    string? RefreshUrl,
    string? Nav,
    string? UserEmail,
    bool IsBureau,
    string? UserCompany,
    string Lang,
    string OtherLang,
    string? SwitchUrl);
