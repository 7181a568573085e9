using System.Collections.Concurrent;
using System.Text;
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

    private readonly ConcurrentDictionary<PageKey, Part[]> pages = new();

    // New for every process and in the token's alphabet, so no text of a page can hold one and no encoding changes one.
    private readonly string tokenStandIn = "T" + Guid.NewGuid().ToString("N")[..31];
    private readonly string formKeyStandIn = "F" + Guid.NewGuid().ToString("N");

    public string Stylesheet => renderer.Stylesheet;

    public string RenderCodePage(string language, string? error, string? entered) => renderer.RenderCodePage(language, error, entered);

    /// <summary>The page of <see cref="RenderUtf8"/> as text (parts are cut only at ASCII stand-ins, so each decodes whole).</summary>
    public string Render(SurveyPage page) => IsFirstOpen(page)
        ? string.Concat(RenderUtf8(page).Select(part => Encoding.UTF8.GetString(part.Span)))
        : renderer.Render(page);

    /// <summary>
    /// The kept page's encoded parts with this link's token and form key between them: no page-sized string or byte
    /// array per request (a page is some 18 KB; two replacements made two strings of twice that, garbage at once).
    /// </summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> RenderUtf8(SurveyPage page)
    {
        if (!IsFirstOpen(page)) return [Encoding.UTF8.GetBytes(renderer.Render(page))];
        var kept = Kept(page);
        // ASCII: IsFirstOpen let only letters, digits, '-' and '_' through.
        var token = Encoding.ASCII.GetBytes(page.Token!);
        var formKey = Encoding.ASCII.GetBytes(page.FormKey!);
        var parts = new ReadOnlyMemory<byte>[kept.Length];
        for (var i = 0; i < kept.Length; i++)
            parts[i] = kept[i].Kind switch { PartKind.Token => token, PartKind.FormKey => formKey, _ => kept[i].Text };
        return parts;
    }

    private Part[] Kept(SurveyPage page)
    {
        var key = new PageKey(page.Language, page.Service!.Audience, page.Service.CompanyName, page.FieldworkCloses, page.Questionnaire!);
        if (pages.TryGetValue(key, out var kept)) return kept;
        if (pages.Count >= MaxPages) pages.Clear();
        return pages.GetOrAdd(key, Keep(renderer.Render(page with { Token = tokenStandIn, FormKey = formKeyStandIn })));
    }

    /// <summary>The page rendered with the stand-ins, and cut at them into encoded text and places for the link's values.</summary>
    private Part[] Keep(string html)
    {
        var parts = new List<Part>();
        var start = 0;
        while (true)
        {
            var token = html.IndexOf(tokenStandIn, start, StringComparison.Ordinal);
            var formKey = html.IndexOf(formKeyStandIn, start, StringComparison.Ordinal);
            var (at, kind, length) = token >= 0 && (formKey < 0 || token < formKey) ? (token, PartKind.Token, tokenStandIn.Length)
                : formKey >= 0 ? (formKey, PartKind.FormKey, formKeyStandIn.Length)
                : (html.Length, PartKind.Text, 0);
            if (at > start) parts.Add(new Part(PartKind.Text, Encoding.UTF8.GetBytes(html[start..at])));
            if (kind == PartKind.Text) return [.. parts];
            parts.Add(new Part(kind, ReadOnlyMemory<byte>.Empty));
            start = at + length;
        }
    }

    /// <summary>
    /// Only values in the alphabet that HTML and URL encoding leave as they are (letters, digits, '-' and '_') may be
    /// put in after rendering: then the page is the same as one rendered with them.
    /// </summary>
    private static bool IsFirstOpen(SurveyPage page) =>
        page is { State: SurveyPageState.Open, Errors.Count: 0, Entered.Count: 0, OptOutToken: null, Service: not null, Questionnaire: not null }
        && SurveyToken.LooksValid(page.Token)
        && page.FormKey is { Length: > 0 } formKey && formKey.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private enum PartKind { Text, Token, FormKey }

    /// <summary>Encoded text of the kept page, or the place of the link's token or form key.</summary>
    private readonly record struct Part(PartKind Kind, ReadOnlyMemory<byte> Text);

    private readonly record struct PageKey(string Language, SurveyAudience Audience, string CompanyName, DateOnly? Closes, Questionnaire Questionnaire);
}
