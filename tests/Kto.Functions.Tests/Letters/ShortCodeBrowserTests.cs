using Kto.Functions.Tests.Browser;
using Kto.Functions.Tests.Support;
using Microsoft.Playwright;

namespace Kto.Functions.Tests.Letters;

/// <summary>
/// A client with a letter, in Chromium on a phone: types the short code at /k (a wrong one first), answers the
/// questionnaire and sees thanks. axe-core on every state of /k; JavaScript off, as the page needs none.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class ShortCodeBrowserTests(LocalStack stack) : IAsyncLifetime
{
    private readonly Chromium chromium = new();

    public Task InitializeAsync() => chromium.InitializeAsync();

    public Task DisposeAsync() => chromium.DisposeAsync();

    [Fact]
    public async Task A_client_types_the_code_from_the_letter_at_k_and_answers_the_questionnaire()
    {
        var (company, _) = await stack.NewCompanyAsync("kcode");
        var end = DateTime.Today.AddDays(-10);
        await stack.DeliverAsync(company, "brieven.csv", LetterBatchTests.Export(end, "K"));
        var made = await stack.Api().MakeLetterBatchAndWaitAsync(company, end.Year);
        var (_, pdf) = await stack.Api().DownloadAsync(made.JsonString("pdf")!);
        var code = LetterBatchTests.CodePattern().Match(LetterPdf.Text(pdf, 1)).Value;

        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
            Locale = "nl-NL",
            BypassCSP = true, // only to inject axe-core
            JavaScriptEnabled = true,
            ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Forwarded-For"] = new SurveyClient(stack).Address },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{stack.BaseUrl}/k");
        Assert.Equal("Code", (await page.TextContentAsync("label[for=code]"))!.Trim());
        await PageChecks.CheckAsync(page, "k-01-code");

        await page.GetByLabel("Code", new() { Exact = true }).FillAsync("AAAA-AAA");
        await page.ClickAsync("button[type=submit]");
        Assert.Contains("8 tekens", await page.TextContentAsync(".error-summary"));
        Assert.Equal("true", await page.GetAttributeAsync("#code", "aria-invalid"));
        await PageChecks.CheckAsync(page, "k-02-malformed");

        await page.GetByLabel("Code", new() { Exact = true }).FillAsync("AAAA-AAAA");
        await page.ClickAsync("button[type=submit]");
        Assert.Contains("Deze code kennen wij niet", await page.TextContentAsync(".error-summary"));
        await PageChecks.CheckAsync(page, "k-03-unknown");

        // As people type from paper: lower case, a space instead of the dash.
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(code.ToLowerInvariant().Replace('-', ' '));
        await page.ClickAsync("button[type=submit]");
        Assert.Contains("/s?t=", page.Url);
        foreach (var (id, value) in SurveyAnswers.Valid(8))
        {
            if (await page.Locator($"textarea#q-{id}").CountAsync() > 0) await page.FillAsync($"textarea#q-{id}", value);
            else await page.CheckAsync($"#q-{id}-{value}");
        }
        await page.ClickAsync("button[type=submit]");
        Assert.Contains("Bedankt voor uw antwoorden", await page.TextContentAsync("h1"));

        // The code again, after answering: the questionnaire says it was answered, no second answer.
        await page.GotoAsync($"{stack.BaseUrl}/k");
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(code);
        await page.ClickAsync("button[type=submit]");
        Assert.Contains("al ingevuld", await page.TextContentAsync("h1"));
    }
}
