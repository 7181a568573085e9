using System.Text;
using Kto.Core.Questionnaires;
using Kto.Core.Survey;
using Kto.Infrastructure.Templates;

namespace Kto.Functions.Tests.Templates;

/// <summary>
/// The cached first view of a questionnaire must be the page the template renders for that link, byte for byte (as a
/// string and as the UTF-8 parts the page is written with):
/// with the link's own token and form key, never another link's, for every language, audience and company name.
/// </summary>
public sealed class FirstOpenPageCacheTests
{
    private static readonly SurveyPageRenderer Renderer = SurveyPages.Renderer;
    private const string TokenAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    [Fact]
    public void Every_first_view_is_the_page_the_template_renders_for_that_link()
    {
        var cache = new FirstOpenPageCache(Renderer);
        var random = new Random(20261207);
        string[] companies = ["Acme B.V.", "<script>alert('x')</script> & \"Zonen\"", "Ünïcode Reïntegratie", "T" + new string('0', 31)];
        var previous = new Dictionary<(string, SurveyAudience, string, DateOnly?), string>();
        for (var i = 0; i < 200; i++)
        {
            var language = random.Next(3) switch { 0 => "nl", 1 => "en", _ => "de" };
            var audience = random.Next(4) == 0 ? SurveyAudience.Opdrachtgever : SurveyAudience.Client;
            var company = companies[random.Next(companies.Length)];
            DateOnly? closes = random.Next(2) == 0 ? null : new DateOnly(2027, 1, 1).AddDays(random.Next(3));
            var page = OpenPage(Token(random), Token(random) + "Ab-_9", language, audience, company, closes);

            var cached = cache.Render(page);

            Assert.Equal(Renderer.Render(page), cached);
            Assert.Equal(Encoding.UTF8.GetBytes(cached), cache.RenderUtf8(page).SelectMany(part => part.ToArray()).ToArray());
            // The same page for another link: the earlier link's values must not be in it.
            if (previous.TryGetValue((language, audience, company, closes), out var earlierToken))
                Assert.DoesNotContain(earlierToken, cached, StringComparison.Ordinal);
            previous[(language, audience, company, closes)] = page.Token!;
        }
    }

    [Fact]
    public void A_page_with_entered_answers_errors_or_another_state_is_rendered_as_it_is()
    {
        var cache = new FirstOpenPageCache(Renderer);
        var random = new Random(7);
        var open = OpenPage(Token(random), Token(random), "nl", SurveyAudience.Client, "Acme", null);
        cache.Render(open); // the company's first view is now kept
        var question = open.Questionnaire!.Questions[0];
        SurveyPage[] others =
        [
            open with { Token = Token(random), Entered = new Dictionary<string, string?> { [question.Id] = "8" } },
            open with { Token = Token(random), Errors = [new FieldError(question.Id, FieldErrorCodes.Required, "Vul dit in.", "Fill this in.")] },
            open with { Token = Token(random), OptOutToken = Token(random) },
            open with { Token = Token(random), State = SurveyPageState.Thanks },
            open with { Token = "not a token <b>", FormKey = "a&b" },
        ];
        foreach (var page in others)
        {
            var html = cache.Render(page);
            Assert.Equal(Renderer.Render(page), html);
            Assert.Equal(Encoding.UTF8.GetBytes(html), cache.RenderUtf8(page).SelectMany(part => part.ToArray()).ToArray());
        }
        // The entered grade is checked on its page: a kept first view would have lost it.
        Assert.Contains("checked", cache.Render(others[0]), StringComparison.Ordinal);
    }

    private static SurveyPage OpenPage(string token, string formKey, string language, SurveyAudience audience, string company, DateOnly? closes) =>
        SurveyPages.Open(token, formKey, language, audience, company, closes);

    private static string Token(Random random) => new(Enumerable.Range(0, 32).Select(_ => TokenAlphabet[random.Next(TokenAlphabet.Length)]).ToArray());
}
