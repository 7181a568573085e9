using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Kto.Core;
using Kto.Core.Questionnaires;
using Kto.Core.Settings;
using Kto.Core.Survey;
using Kto.Infrastructure.Templates.SurveyViews;

namespace Kto.Infrastructure.Templates;

/// <summary>
/// Renders a <see cref="SurveyPage"/> as HTML from the Liquid templates in <c>Templates/Survey/</c>, with the
/// texts of <c>Templates/Survey/texts.json</c> in the page's language. Also serves the page's stylesheet (a file,
/// not inline, so the security policy can forbid inline styles and scripts).
/// </summary>
public sealed class SurveyPageRenderer : ISurveyPageRenderer
{
    private readonly LiquidTemplates templates;
    private readonly BureauSettings bureau;
    private readonly IReadOnlyDictionary<string, Dictionary<string, string>> texts;

    public SurveyPageRenderer(LiquidTemplates templates, BureauSettings bureau)
    {
        this.templates = templates;
        this.bureau = bureau;
        var folder = Path.Combine(templates.Root, "Survey");
        texts = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(File.ReadAllText(Path.Combine(folder, "texts.json")))!
            .Where(kv => !kv.Key.StartsWith('_'))
            .ToDictionary(kv => kv.Key, kv => kv.Value.Deserialize<Dictionary<string, string>>()!);
        Stylesheet = File.ReadAllText(Path.Combine(folder, "survey.css"));
        // The version in the URL changes with the file, so browsers may cache it for long.
        StylesheetUrl = $"/{SurveyLinks.StylesheetRoute}?v={Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Stylesheet)))[..12]}";
    }

    public string Stylesheet { get; }

    public string StylesheetUrl { get; }

    public string Render(SurveyPage page)
    {
        var lang = page.Language == "en" ? "en" : "nl";
        var company = page.Service?.CompanyName;
        var t = Texts(lang, company, page.FieldworkCloses);
        if (page.Service?.Audience == SurveyAudience.Opdrachtgever) UseOpdrachtgeverTexts(t);
        var view = Frame(lang, t, body: "", pageTitle: "") with
        {
            Company = company,
            Token = page.Token,
            OptoutToken = page.OptOutToken,
            SurveyPath = "/" + SurveyLinks.QuestionnaireRoute,
            OptoutPath = "/" + SurveyLinks.OptOutRoute,
            SurveyField = SurveyLinks.SurveyTokenField,
            OptoutField = SurveyLinks.OptOutTokenField,
            FormKey = page.FormKey,
            ShowOptoutLink = page.State is SurveyPageState.Open or SurveyPageState.FieldworkClosed,
        };

        switch (page.State)
        {
            case SurveyPageState.Open:
                var questionnaire = page.Questionnaire!;
                // One summary: the questions not yet answered are named once under one sentence (not the same
                // sentence nine times); any other error keeps its own message after the question's name.
                var required = page.Errors.Count(e => e.Code == FieldErrorCodes.Required);
                view = view with
                {
                    Body = "Survey/questionnaire",
                    PageTitle = questionnaire.Title.In(lang),
                    Title = questionnaire.Title.In(lang),
                    Introduction = questionnaire.Introduction.In(lang),
                    Questions = [.. questionnaire.Questions.Select((q, i) => QuestionView(q, i + 1, page, lang))],
                    RequiredIntro = required switch
                    {
                        0 => null,
                        1 => t["error_summary_required_one"],
                        _ => t["error_summary_required_many"].Replace("{count}", required.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal),
                    },
                    Errors = [.. page.Errors.Select(e => new SurveyErrorView(
                        FirstInputId(questionnaire.Find(e.QuestionId)!),
                        $"{t["question"]} {Number(questionnaire, e.QuestionId)}: {questionnaire.Find(e.QuestionId)!.Text.In(lang)}" +
                        (e.Code == FieldErrorCodes.Required ? "" : $" – {e.Message(lang)}")))],
                };
                break;
            case SurveyPageState.OptOutConfirm:
                view = view with { Body = "Survey/optout", PageTitle = t["optout_heading"] };
                break;
            default:
                var (heading, paragraphs) = Message(page.State, t);
                view = view with { Body = "Survey/message", PageTitle = heading, Heading = heading, Paragraphs = paragraphs };
                break;
        }
        return Render(view);
    }

    /// <summary>
    /// The short address <c>/k</c>: one field "Code". <paramref name="error"/> names the text key of what went wrong
    /// (<c>code_malformed</c>, <c>code_unknown</c>, <c>code_toomany</c>); <paramref name="entered"/> is shown again.
    /// </summary>
    public string RenderCodePage(string language, string? error, string? entered)
    {
        var lang = language == "en" ? "en" : "nl";
        var t = Texts(lang, null, null);
        var codeError = error is null ? null : t[error];
        return Render(Frame(lang, t, body: "Survey/code", pageTitle: t["code_heading"]) with
        {
            CodePath = "/" + SurveyLinks.ShortCodeRoute,
            CodeError = codeError,
            CodeValue = entered,
            Errors = codeError is null ? [] : [new SurveyErrorView("code", codeError)],
        });
    }

    private string Render(SurveyPageView view) =>
        templates.Render("Survey/page.liquid", html: true, TemplateNames.SnakeCase, view);

    /// <summary>What every page in the survey frame (page.liquid) needs: language, texts, the bureau, the stylesheet.</summary>
    private SurveyPageView Frame(string lang, Dictionary<string, string> t, string body, string pageTitle) => new()
    {
        Lang = lang,
        OtherLang = lang == "en" ? "nl" : "en",
        T = t,
        Bureau = bureau.Name,
        BureauEmail = bureau.ContactEmail,
        CssUrl = StylesheetUrl,
        Body = body,
        PageTitle = pageTitle,
    };

    private static (string Heading, string[] Paragraphs) Message(SurveyPageState state, Dictionary<string, string> t) => state switch
    {
        SurveyPageState.Thanks => (t["thanks_heading"], [t["thanks_body"]]),
        SurveyPageState.AlreadyAnswered => (t["answered_heading"], [t["answered_body"]]),
        SurveyPageState.FieldworkClosed => (t["closed_heading"], [t["closed_body"]]),
        SurveyPageState.OptedOut => (t["optedout_heading"], [t["optedout_body"]]),
        SurveyPageState.TooManyRequests => (t["notfound_heading"], [t["notfound_body"], t["toomany_body"]]),
        SurveyPageState.Rejected or SurveyPageState.TooLarge => (t["rejected_heading"], [t["rejected_body"]]),
        _ => (t["notfound_heading"], [t["notfound_body"]]),
    };

    /// <summary>An opdrachtgever's page (Blik op Werk): a text <c>opdrachtgever_X</c> in texts.json replaces <c>X</c>.</summary>
    private static void UseOpdrachtgeverTexts(Dictionary<string, string> t)
    {
        const string prefix = "opdrachtgever_";
        foreach (var (key, text) in t.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal)).ToList())
            t[key[prefix.Length..]] = text;
    }

    private Dictionary<string, string> Texts(string lang, string? company, DateOnly? closes)
    {
        var culture = lang == "en" ? CultureInfo.GetCultureInfo("en-GB") : DutchTime.Culture;
        var closesText = closes?.ToString(DutchTime.DateFormat, culture) ?? "";
        return texts[lang].ToDictionary(kv => kv.Key, kv => kv.Value
            .Replace("{bureau}", bureau.Name, StringComparison.Ordinal)
            .Replace("{bureau_email}", bureau.ContactEmail, StringComparison.Ordinal)
            .Replace("{company_stop}", SentenceStop.After(company), StringComparison.Ordinal)
            .Replace("{company}", company ?? "", StringComparison.Ordinal)
            .Replace("{closes}", closesText, StringComparison.Ordinal));
    }

    private static SurveyQuestionView QuestionView(Question q, int number, SurveyPage page, string lang)
    {
        var error = page.Errors.FirstOrDefault(e => e.QuestionId == q.Id);
        var entered = page.Entered.GetValueOrDefault(q.Id)?.Trim();
        var hint = q.LowLabel is null || q.HighLabel is null ? null : $"{q.LowLabel.In(lang)}, {q.HighLabel.In(lang)}";
        var hintId = $"hint-{q.Id}";
        var errorId = $"error-{q.Id}";
        var describedBy = string.Join(' ', new[] { hint is null ? null : hintId, error is null ? null : errorId }.OfType<string>());
        return new SurveyQuestionView(
            Id: q.Id,
            Number: number,
            Kind: q.Type switch { QuestionType.OpenText => "text", QuestionType.Agree5 => "agree", _ => "grade" },
            Text: q.Text.In(lang),
            Optional: !q.Mandatory,
            Hint: hint,
            HintId: hintId,
            Error: error?.Message(lang),
            ErrorId: errorId,
            DescribedBy: describedBy,
            FirstInputId: FirstInputId(q),
            Maxlength: q.MaxLength,
            Value: q.Type == QuestionType.OpenText ? page.Entered.GetValueOrDefault(q.Id) : null,
            Options: [.. Options(q, lang).Select(o => new SurveyOptionView(o.Value, o.Label, $"q-{q.Id}-{o.Value}",
                string.Equals(o.Value, entered, StringComparison.OrdinalIgnoreCase)))]);
    }

    private static IEnumerable<(string Value, string Label)> Options(Question q, string lang) => q.Type switch
    {
        QuestionType.Agree5 => q.Options!.Select(o => (o.Value, o.Label.In(lang))),
        QuestionType.OpenText => [],
        _ => Enumerable.Range(q.Minimum!.Value, q.Maximum!.Value - q.Minimum.Value + 1)
            .Select(n => (n.ToString(CultureInfo.InvariantCulture), n.ToString(CultureInfo.InvariantCulture))),
    };

    /// <summary>Where an error summary link jumps to: the text field, or the first choice of the group.</summary>
    private static string FirstInputId(Question q) => q.Type switch
    {
        QuestionType.OpenText => $"q-{q.Id}",
        QuestionType.Agree5 => $"q-{q.Id}-{q.Options![0].Value}",
        _ => $"q-{q.Id}-{q.Minimum}",
    };

    private static int Number(Questionnaire questionnaire, string questionId) =>
        questionnaire.Questions.Select((q, i) => (q.Id, i)).First(x => x.Id == questionId).i + 1;
}
