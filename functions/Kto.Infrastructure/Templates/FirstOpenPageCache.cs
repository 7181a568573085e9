using System.Collections.Concurrent;
using Kto.Core.Questionnaires;
using Kto.Core.Survey;

namespace Kto.Infrastructure.Templates;

/// <summary>
/// The questionnaire as a link first shows it (open, nothing entered, no errors) differs between links only in the
/// token and the form key, and rendering the template costs most of a page's CPU. So that page is rendered once per
/// language, audience, company, closing date and questionnaire, with stand-ins for those two values, and each link's
/// own values replace the stand-ins. Every other page is rendered afresh.
/// </summary>
public sealed class FirstOpenPageCache(SurveyPageRenderer renderer) : ISurveyPageRenderer
{
    /// <summary>Enough for every company's pages in both languages; past it the cache starts again.</summary>
    private const int MaxPages = 1024;

    private readonly ConcurrentDictionary<PageKey, string> pages = new();

    // New for every process and in the token's alphabet, so no text of a page can hold one and no encoding changes one.
    private readonly string tokenStandIn = "T" + Guid.NewGuid().ToString("N")[..31];
    private readonly string formKeyStandIn = "F" + Guid.NewGuid().ToString("N");

    public string Stylesheet => renderer.Stylesheet;

    public string RenderCodePage(string language, string? error, string? entered) => renderer.RenderCodePage(language, error, entered);

    public string Render(SurveyPage page)
    {
        if (!IsFirstOpen(page)) return renderer.Render(page);
        var key = new PageKey(page.Language, page.Service!.Audience, page.Service.CompanyName, page.FieldworkCloses, page.Questionnaire!);
        if (!pages.TryGetValue(key, out var html))
        {
            if (pages.Count >= MaxPages) pages.Clear();
            html = pages.GetOrAdd(key, renderer.Render(page with { Token = tokenStandIn, FormKey = formKeyStandIn }));
        }
        return html.Replace(tokenStandIn, page.Token, StringComparison.Ordinal).Replace(formKeyStandIn, page.FormKey, StringComparison.Ordinal);
    }

    /// <summary>
    /// Only values in the alphabet that HTML and URL encoding leave as they are (letters, digits, '-' and '_') may be
    /// put in after rendering: then the page is the same as one rendered with them.
    /// </summary>
    private static bool IsFirstOpen(SurveyPage page) =>
        page is { State: SurveyPageState.Open, Errors.Count: 0, Entered.Count: 0, OptOutToken: null, Service: not null, Questionnaire: not null }
        && SurveyToken.LooksValid(page.Token)
        && page.FormKey is { Length: > 0 } formKey && formKey.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private readonly record struct PageKey(string Language, SurveyAudience Audience, string CompanyName, DateOnly? Closes, Questionnaire Questionnaire);
}
