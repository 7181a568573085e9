using System.Text;

namespace Kto.Functions.Portal;

/// <summary>
/// Renders portal pages (the page folders' templates, through the template engine in Kto.Infrastructure) and serves their
/// stylesheet and script, so the function classes name no template engine.
/// </summary>
public interface IPortalPages
{
    /// <summary>The page, in the builder it was rendered into (see <see cref="Kto.Core.Portal.IPageTemplates.RenderHtml"/>).</summary>
    StringBuilder Render(PortalView view);

    /// <summary>A portal asset by file name (<c>portal.css</c>, <c>portal.js</c>), or null.</summary>
    (string Content, string ContentType)? Asset(string file);
}
