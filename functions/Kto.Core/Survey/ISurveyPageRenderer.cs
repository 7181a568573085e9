namespace Kto.Core.Survey;

/// <summary>
/// Renders a <see cref="SurveyPage"/> as HTML (Liquid templates in Kto.Infrastructure) and serves the page's
/// stylesheet, so the function classes name no template engine.
/// </summary>
public interface ISurveyPageRenderer
{
    string Render(SurveyPage page);

    string Stylesheet { get; }
}
