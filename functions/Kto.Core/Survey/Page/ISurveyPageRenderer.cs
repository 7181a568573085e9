namespace Kto.Core.Survey;

/// <summary>
/// Renders a <see cref="SurveyPage"/> as HTML (Liquid templates in Kto.Infrastructure) and serves the page's
/// stylesheet, so the function classes name no template engine.
/// </summary>
public interface ISurveyPageRenderer
{
    string Render(SurveyPage page);

    /// <summary>The page <c>/k</c> where a client types the short code from a letter.</summary>
    string RenderCodePage(string language, string? error, string? entered);

    string Stylesheet { get; }
}
