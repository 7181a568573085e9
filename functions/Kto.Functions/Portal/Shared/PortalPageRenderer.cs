using System.Security.Cryptography;
using System.Text;
using Kto.Core.Accounts;
using Kto.Core.Portal;
using Kto.Core.Settings;

namespace Kto.Functions.Portal;

/// <summary>
/// Renders portal pages from the Liquid templates in <c>Templates/Portal/</c> (through <see cref="IPageTemplates"/>): <c>layout.liquid</c> is the frame
/// (header, navigation, sign-out form) and each page is one body template. Also serves the portal's stylesheet and
/// script as files, so the security policy can forbid everything inline.
/// </summary>
public sealed class PortalPageRenderer : IPortalPages
{
    private readonly IPageTemplates templates;
    private readonly BureauSettings bureau;
    private readonly Dictionary<string, (string Content, string ContentType, string Url)> assets = new(StringComparer.Ordinal);

    public PortalPageRenderer(IPageTemplates templates, BureauSettings bureau)
    {
        this.templates = templates;
        this.bureau = bureau;
        foreach (var (file, type) in new[] { ("portal.css", "text/css; charset=utf-8"), ("portal.js", "text/javascript; charset=utf-8") })
        {
            var content = templates.ReadFile($"Portal/{file}");
            // The version in the URL changes with the file, so browsers may cache it for long.
            var version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)))[..12];
            assets[file] = (content, type, PortalUrls.Asset(file, version));
        }
    }

    public (string Content, string ContentType)? Asset(string file) =>
        assets.TryGetValue(file, out var a) ? (a.Content, a.ContentType) : null;

    public StringBuilder Render(PortalView view)
    {
        var frame = new PortalFrame(
            Body: $"Portal/{view.Template}",
            PageTitle: view.Title,
            Bureau: bureau.Name,
            BureauEmail: bureau.QuestionsAddress,
            CssUrl: assets["portal.css"].Url,
            JsUrl: assets["portal.js"].Url,
            CsrfField: PortalKey.FormField,
            Csrf: view.FormToken,
            RefreshAfter: view.RefreshAfter,
            RefreshUrl: view.RefreshUrl,
            Nav: view.Nav,
            UserEmail: view.User?.Email,
            IsBureau: view.User?.Role == UserRole.Bureau,
            UserCompany: view.User?.CompanyId,
            Lang: view.Language,
            OtherLang: view.Language == "en" ? "nl" : "en",
            SwitchUrl: view.SwitchUrl);
        // The frame's values win over a page's (a page that also says is_bureau says the same).
        return templates.RenderHtml("Portal/layout.liquid", view.Model, frame);
    }
}
