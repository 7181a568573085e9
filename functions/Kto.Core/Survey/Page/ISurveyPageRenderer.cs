namespace Kto.Core.Survey;

/// <summary>
/// Renders a <see cref="SurveyPage"/> as HTML (Liquid templates in Kto.Infrastructure) and serves the page's
/// stylesheet, so the function classes name no template engine.
/// </summary>
public interface ISurveyPageRenderer
{
    string Render(SurveyPage page);

    /// <summary>
    /// The page of <see cref="Render"/> as UTF-8, in parts to be written one after the other: a renderer that keeps a
    /// page shared by many links keeps it encoded, and writes only each link's own values anew.
    /// </summary>
    IReadOnlyList<ReadOnlyMemory<byte>> RenderUtf8(SurveyPage page) => [System.Text.Encoding.UTF8.GetBytes(Render(page))];

    /// <summary>The page <c>/k</c> where a client types the short code from a letter.</summary>
    string RenderCodePage(string language, string? error, string? entered);

    string Stylesheet { get; }
}
