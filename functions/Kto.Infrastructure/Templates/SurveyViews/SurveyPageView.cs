namespace Kto.Infrastructure.Templates.SurveyViews;

/// <summary>
/// What <c>Survey/page.liquid</c> and the body it includes read, by snake_case name (<c>PageTitle</c> → <c>page_title</c>).
/// A value a page does not show stays null, which the templates read as absent.
/// </summary>
public sealed record SurveyPageView
{
    public required string Lang { get; init; }
    public required string OtherLang { get; init; }
    /// <summary>The texts of texts.json in the page's language, by key (<c>t.submit</c>).</summary>
    public required IReadOnlyDictionary<string, string> T { get; init; }
    public required string Bureau { get; init; }
    public required string BureauEmail { get; init; }
    public required string CssUrl { get; init; }
    /// <summary>The template the frame includes: <c>Survey/questionnaire</c>, <c>Survey/optout</c>, <c>Survey/message</c> or <c>Survey/code</c>.</summary>
    public required string Body { get; init; }
    public required string PageTitle { get; init; }
    public List<SurveyErrorView> Errors { get; init; } = [];

    public string? Company { get; init; }
    public string? Token { get; init; }
    public string? OptoutToken { get; init; }
    public string? SurveyPath { get; init; }
    public string? OptoutPath { get; init; }
    public string? SurveyField { get; init; }
    public string? OptoutField { get; init; }
    public string? FormKey { get; init; }
    public bool ShowOptoutLink { get; init; }

    // The questionnaire.
    public string? Title { get; init; }
    public string? Introduction { get; init; }
    public List<SurveyQuestionView>? Questions { get; init; }
    public string? RequiredIntro { get; init; }

    // A page without a form (thanks, closed, not found …).
    public string? Heading { get; init; }
    public string[]? Paragraphs { get; init; }

    // The short address /k.
    public string? CodePath { get; init; }
    public string? CodeError { get; init; }
    public string? CodeValue { get; init; }
}
