using System.Text;

namespace Kto.Core.Portal;

/// <summary>
/// The portal pages' templates as the presentation layer (Kto.Functions/Portal) sees them: render one with its view
/// models, every value HTML-encoded, and read the files that sit beside them (stylesheet, script). The engine behind it
/// is an adapter in Kto.Infrastructure, so the pages name none.
/// </summary>
public interface IPageTemplates
{
    /// <summary>
    /// Renders the HTML template <paramref name="name"/> (relative to the templates' folder) with the public properties
    /// of <paramref name="models"/> as its values, read in snake_case (<c>AtRisk</c> as <c>at_risk</c>); a later model's
    /// value wins. The page is handed over in its builder, to be written chunk by chunk: a page of 85 KB or more made
    /// into one string would be a large object per view.
    /// </summary>
    StringBuilder RenderHtml(string name, params object[] models);

    /// <summary>A file beside the templates (<c>Portal/portal.css</c>), as text.</summary>
    string ReadFile(string name);
}
