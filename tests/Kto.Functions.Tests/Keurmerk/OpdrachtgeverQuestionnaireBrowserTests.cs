using System.Globalization;
using Kto.Functions.Tests.Browser;
using Kto.Functions.Tests.Support;
using Microsoft.Playwright;

namespace Kto.Functions.Tests.Keurmerk;

/// <summary>
/// An opdrachtgever answers in Chromium: its real invitation link from the SMTP server opens the opdrachtgever
/// questionnaire on the same page as clients', axe-core clean (WCAG 2.1 AA) in every state.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class OpdrachtgeverQuestionnaireBrowserTests(LocalStack stack) : IAsyncLifetime
{
    private readonly Chromium chromium = new();

    public Task InitializeAsync() => chromium.InitializeAsync();

    public Task DisposeAsync() => chromium.DisposeAsync();

    [Fact]
    public async Task The_opdrachtgever_questionnaire_is_accessible_open_with_an_error_thanked_and_in_english()
    {
        var (company, _) = await stack.NewCompanyAsync("a");
        var domain = company + ".og.test";
        var receipt = await stack.DeliverAsync(company, "opdrachtgevers.csv", KeurmerkTests.OpdrachtgeverList($"UWV Utrecht;Anna de Boer;anna@{domain};;12"));
        Assert.Equal(1, receipt.GetProperty("accepted").GetInt32());
        await stack.RunJobAsync("send-invitations", Invitations.MailTime);
        var token = KeurmerkTests.Token(stack.Smtp.To(domain).Single());

        // As the clients' browser test: a phone, and CSP bypassed only so axe-core can be injected.
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            IsMobile = true,
            Locale = "nl-NL",
            BypassCSP = true,
            ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Forwarded-For"] = new SurveyClient(stack).Address },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{stack.BaseUrl}/s?t={token}");
        Assert.Equal("Wat vond u van de samenwerking?", await page.TextContentAsync("h1"));
        await PageChecks.CheckAsync(page, "opdrachtgever-01-open");

        // Everything but the grade for the results: the error comes back in place.
        await page.CheckAsync("#q-rapportcijfer-9");
        foreach (var id in new[] { "afspraken-nagekomen", "rapportage", "bereikbaarheid", "opnieuw-opdracht" })
            await page.CheckAsync($"#q-{id}-4");
        await page.ClickAsync("button[type=submit]");
        Assert.Contains("verplichte vraag", await page.TextContentAsync("#error-cijfer-resultaten"));
        await PageChecks.CheckAsync(page, "opdrachtgever-02-missing-answer");

        await page.CheckAsync("#q-cijfer-resultaten-7");
        await page.ClickAsync("button[type=submit]");
        Assert.Equal("Bedankt voor uw antwoorden", await page.TextContentAsync("h1"));
        await PageChecks.CheckAsync(page, "opdrachtgever-03-thanks");

        await page.GotoAsync($"{stack.BaseUrl}/s?t={token}&lang=en");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        await PageChecks.CheckAsync(page, "opdrachtgever-04-already-answered-en");
        await context.CloseAsync();
    }
}
