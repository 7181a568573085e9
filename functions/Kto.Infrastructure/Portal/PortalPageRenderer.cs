using System.Security.Cryptography;
using System.Text;
using Kto.Core.Accounts;
using Kto.Core.Portal;
using Kto.Core.Settings;
using Kto.Infrastructure.Templates;

namespace Kto.Infrastructure.Portal;

/// <summary>
/// Renders portal pages from the Liquid templates in <c>Templates/Portal/</c>: <c>layout.liquid</c> is the frame
/// (header, navigation, sign-out form) and each page is one body template. Also serves the portal's stylesheet and
/// script as files, so the security policy can forbid everything inline.
/// </summary>
public sealed class PortalPageRenderer : IPortalPages
{
    private readonly LiquidTemplates templates;
    private readonly BureauSettings bureau;
    private readonly Dictionary<string, (string Content, string ContentType, string Url)> assets = new(StringComparer.Ordinal);

    public PortalPageRenderer(LiquidTemplates templates, BureauSettings bureau)
    {
        this.templates = templates;
        this.bureau = bureau;
        foreach (var (file, type) in new[] { ("portal.css", "text/css; charset=utf-8"), ("portal.js", "text/javascript; charset=utf-8") })
        {
            var content = File.ReadAllText(Path.Combine(templates.Root, "Portal", file));
            // The version in the URL changes with the file, so browsers may cache it for long.
            var version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)))[..12];
            assets[file] = (content, type, PortalUrls.Asset(file, version));
        }
    }

    public (string Content, string ContentType)? Asset(string file) =>
        assets.TryGetValue(file, out var a) ? (a.Content, a.ContentType) : null;

    public string Render(PortalView view)
    {
        var values = new Dictionary<string, object?>(view.Values, StringComparer.Ordinal)
        {
            ["body"] = $"Portal/{view.Template}",
            ["page_title"] = view.Title,
            ["bureau"] = bureau.Name,
            ["bureau_email"] = bureau.QuestionsAddress,
            ["css_url"] = assets["portal.css"].Url,
            ["js_url"] = assets["portal.js"].Url,
            ["csrf_field"] = PortalKey.FormField,
            ["csrf"] = view.FormToken,
            ["refresh"] = view.Refresh,
            ["nav"] = view.Nav,
            ["user_email"] = view.User?.Email,
            ["is_bureau"] = view.User?.Role == UserRole.Bureau,
            ["user_company"] = view.User?.CompanyId,
            ["lang"] = view.Language,
            ["other_lang"] = view.Language == "en" ? "nl" : "en",
            ["switch_url"] = view.SwitchUrl,
        };
        return templates.Render("Portal/layout.liquid", values, html: true);
    }
}
