using System.Text.RegularExpressions;
using Kto.Core.Questionnaires;
using Kto.Core.Survey;
using Kto.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kto.Functions.Tests.Browser;

/// <summary>
/// A client answering on a phone: a real invitation link from the real SMTP server, opened in Chromium at
/// 360×740. Every state is checked with axe-core (WCAG 2.1 AA) and photographed.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed partial class QuestionnaireBrowserTests(LocalStack stack) : IAsyncLifetime
{
    private readonly Chromium chromium = new();

    public Task InitializeAsync() => chromium.InitializeAsync();

    public Task DisposeAsync() => chromium.DisposeAsync();

    [Fact]
    public async Task A_client_answers_on_a_phone_sees_thanks_reopens_switches_to_english_and_opts_out()
    {
        var invited = await Invitations.InviteAsync(stack, "telefoon");
        var mail = stack.Smtp.To(invited.Domain).Single();
        var link = LinkPattern().Match(mail.TextBody ?? "").Value;
        var optOutLink = (mail.Headers["List-Unsubscribe"] ?? "").Trim('<', '>');
        Assert.StartsWith(stack.BaseUrl + "/s?t=", link);
        var page = await NewPhonePageAsync();

        await page.GotoAsync(link);
        Assert.Equal("nl", await page.GetAttributeAsync("html", "lang"));
        Assert.Contains("Test Re-integratie", await page.TextContentAsync("main"));
        Assert.Contains("Testbureau Onderzoek", await page.TextContentAsync("header"));
        Assert.Contains("privacy", await page.TextContentAsync("footer"));
        await PageChecks.CheckAsync(page, "01-open");
        await page.Locator("button[type=submit]").ScrollIntoViewIfNeededAsync();
        await PageChecks.ScreenshotAsync(page, "01-open-end");

        // Everything but the grade: the form comes back with the error and with what was entered.
        await page.CheckAsync("#q-begeleider-luistert-4");
        foreach (var id in new[] { "begeleider-deskundig", "begeleider-bereikbaar", "afspraken-duidelijk", "afspraken-nagekomen",
                                   "meebeslissen-plan", "hulp-naar-werk", "informatie-duidelijk" })
            await page.CheckAsync($"#q-{id}-5");
        await page.FillAsync("#q-open-goed", "Fijne gesprekken.");
        await page.ClickAsync("button[type=submit]");

        Assert.Contains("Er ontbreekt nog iets", await page.TextContentAsync(".error-summary"));
        Assert.StartsWith("Fout:", await page.TitleAsync());
        Assert.True(await page.IsCheckedAsync("#q-begeleider-luistert-4"));
        Assert.Equal("Fijne gesprekken.", await page.InputValueAsync("#q-open-goed"));
        Assert.Contains("verplichte vraag", await page.TextContentAsync("#error-rapportcijfer"));
        await PageChecks.CheckAsync(page, "02-missing-answer");
        await page.Locator("#error-rapportcijfer").ScrollIntoViewIfNeededAsync();
        await PageChecks.ScreenshotAsync(page, "02-missing-answer-in-place");

        // The summary's link leads to the question, then the answer is sent.
        await page.ClickAsync(".error-summary a");
        Assert.Equal("q-rapportcijfer-1", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.CheckAsync("#q-rapportcijfer-8");
        await page.ClickAsync("button[type=submit]");
        Assert.Equal("Bedankt voor uw antwoorden", await page.TextContentAsync("h1"));
        Assert.Equal(stack.BaseUrl + "/s", page.Url); // the answers went in the body, the token with them: no token in any path
        await PageChecks.CheckAsync(page, "03-thanks");

        await page.GotoAsync(link);
        Assert.Equal("U heeft de vragenlijst al ingevuld", await page.TextContentAsync("h1"));
        Assert.Equal(0, await page.Locator("form").CountAsync());
        await PageChecks.CheckAsync(page, "04-already-answered");

        await page.ClickAsync("a.language");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("You have already filled in the questionnaire", await page.TextContentAsync("h1"));
        await PageChecks.CheckAsync(page, "05-already-answered-en");

        // The choice is remembered (cookie kto_lang): the link without ?lang= opens in English, until Dutch is chosen.
        await page.GotoAsync(link);
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        await page.ClickAsync("a.language");
        Assert.Equal("nl", await page.GetAttributeAsync("html", "lang"));

        await page.GotoAsync(optOutLink);
        Assert.Equal("Afmelden voor dit onderzoek", await page.TextContentAsync("h1"));
        await PageChecks.CheckAsync(page, "06-opt-out-confirm");
        await page.ClickAsync("button[type=submit]");
        Assert.Equal("U bent afgemeld", await page.TextContentAsync("h1"));
        await PageChecks.CheckAsync(page, "07-opted-out");
    }

    [Fact]
    public async Task An_empty_submit_shows_one_summary_that_names_the_questions_and_takes_the_focus()
    {
        var invited = await Invitations.InviteAsync(stack, "leeg");
        var page = await NewPhonePageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync($"{stack.BaseUrl}/s?t={invited.Tokens["leeg"]}");
        await page.ClickAsync("button[type=submit]");

        var questionnaire = stack.Services.GetRequiredService<QuestionnaireCatalog>().Current;
        var mandatory = questionnaire.Questions.Select((q, i) => (q, n: i + 1)).Where(x => x.q.Mandatory).ToList();
        Assert.Equal(1, await page.Locator(".error-summary").CountAsync());
        // The browser moves focus to an autofocus element at its next rendering opportunity, which may come just after the
        // click returns: wait for it (a page that never moves focus fails here after 5 s).
        await page.WaitForFunctionAsync("() => document.activeElement?.classList.contains('error-summary') === true", null, new() { Timeout = 5000 });
        var summary = await page.TextContentAsync(".error-summary") ?? "";
        Assert.Contains($"U heeft {mandatory.Count} verplichte vragen nog niet beantwoord:", summary);
        var items = page.Locator(".error-summary li");
        Assert.Equal(mandatory.Count, await items.CountAsync());
        for (var i = 0; i < mandatory.Count; i++)
            Assert.Equal($"Vraag {mandatory[i].n}: {mandatory[i].q.Text.Nl}", (await items.Nth(i).TextContentAsync())?.Trim());
        Assert.DoesNotContain("nog niet beantwoord. Dit is een verplichte vraag", summary); // not nine identical lines
        await PageChecks.CheckAsync(page, "11-empty-submit-390");
        await page.SetViewportSizeAsync(1280, 900);
        await PageChecks.CheckAsync(page, "11-empty-submit-1280");

        // The first link leads to the first question.
        await page.ClickAsync(".error-summary a");
        Assert.Equal("q-rapportcijfer-1", await page.EvaluateAsync<string>("document.activeElement.id"));
    }

    [Fact]
    public async Task The_open_form_in_english_the_neutral_page_and_the_closed_page_are_accessible()
    {
        var invited = await Invitations.InviteAsync(stack, "staten");
        var page = await NewPhonePageAsync();

        await page.GotoAsync($"{stack.BaseUrl}/s?t={invited.Tokens["staten"]}&lang=en");
        Assert.Equal("What did you think of your support?", await page.TextContentAsync("h1"));
        await PageChecks.CheckAsync(page, "08-open-en");

        await page.Context.ClearCookiesAsync(); // a new visitor (no remembered language): Dutch first
        var response = await page.GotoAsync($"{stack.BaseUrl}/s?t={SurveyToken.New().Token}");
        Assert.Equal(404, response!.Status);
        Assert.Equal("Deze link werkt niet", await page.TextContentAsync("h1"));
        await PageChecks.CheckAsync(page, "09-unknown-link");

        var (company, _) = await stack.NewCompanyAsync("dicht");
        await StoredServices.StoreAsync(stack, company, "D1", new DateOnly(2024, 3, 15)); // a delivery may no longer bring 2024
        var closed = Assert.Single(await Invitations.MintTokensAsync(stack, company, 2024));
        // A link from before tokens left the path still opens its page, at the new address.
        await page.GotoAsync($"{stack.BaseUrl}/api/s/{closed}");
        Assert.Equal($"{stack.BaseUrl}/s?t={closed}", page.Url);
        Assert.Equal("Het onderzoek is afgelopen", await page.TextContentAsync("h1"));
        await PageChecks.CheckAsync(page, "10-fieldwork-closed");
    }

    [Fact]
    public async Task Keyboard_focus_is_visible_and_the_grades_wrap_on_a_narrow_screen()
    {
        var invited = await Invitations.InviteAsync(stack, "toetsenbord");
        var page = await NewPhonePageAsync();
        await page.GotoAsync($"{stack.BaseUrl}/s?t={invited.Tokens["toetsenbord"]}");

        await page.FocusAsync("#q-rapportcijfer-1");
        await page.Keyboard.PressAsync("ArrowRight");
        Assert.Equal("q-rapportcijfer-2", await page.EvaluateAsync<string>("document.activeElement.id"));
        var outline = await page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle");
        Assert.NotEqual("none", outline);
        await PageChecks.ScreenshotAsync(page, "11-keyboard-focus");

        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 360, $"the page scrolls sideways on a phone ({scrollWidth}px)");
        var tops = await page.EvaluateAsync<double[]>(
            "[...document.querySelectorAll('.options.grade')[0].querySelectorAll('.option')].map(o => o.getBoundingClientRect().top)");
        Assert.True(tops.Distinct().Count() > 1, "the ten grades wrap onto more than one row");
        var tapHeight = await page.EvaluateAsync<double>("document.querySelector('.option').getBoundingClientRect().height");
        Assert.True(tapHeight >= 44, $"tap targets are at least 44px high ({tapHeight}px)");
    }

    /// <summary>
    /// A phone-size page with its own client address. BypassCSP only so axe-core can be injected: the page's policy
    /// rightly forbids any script, and this context is used for the accessibility checks.
    /// </summary>
    private async Task<IPage> NewPhonePageAsync()
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
            Locale = "nl-NL",
            BypassCSP = true,
            ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Forwarded-For"] = new SurveyClient(stack).Address },
        });
        return await context.NewPageAsync();
    }

    [GeneratedRegex(@"http://\S+/s\?t=[A-Za-z0-9_-]+(?=\s)")]
    private static partial Regex LinkPattern();
}
