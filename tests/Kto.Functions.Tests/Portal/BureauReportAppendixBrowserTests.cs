using System.Net;
using Kto.Core;
using Kto.Functions.Tests.Browser;
using Kto.Functions.Tests.Reports;
using Kto.Functions.Tests.Support;
using Microsoft.Playwright;
using static Kto.Functions.Tests.Reports.OpenAnswerFixtures;

namespace Kto.Functions.Tests.Portal;

/// <summary>
/// A bureau user in Chromium on a company's report page and its open-answers page (linked with their number): the
/// draft's open answers per perceel as the report shows them (already redacted), hiding one with a reason (the page,
/// the draft and the audit log say who and why; an empty reason is refused), and the exemption letter of a perceel
/// with too few ended services, read back with pdftotext. A company user gets 404 on all of them.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class BureauReportAppendixBrowserTests(LocalStack stack) : IAsyncLifetime
{
    private readonly Chromium chromium = new();

    public Task InitializeAsync() => chromium.InitializeAsync();

    public Task DisposeAsync() => chromium.DisposeAsync();

    [Fact]
    public async Task The_bureau_hides_an_answer_with_a_reason_and_downloads_the_exemption_letter_from_the_report_page()
    {
        var (company, _) = await stack.NewCompanyAsync("bijl");
        var clients = new[]
        {
            new OpenAnswerFixtures.Client("B100", "Fenna", "Oudshoorn", Perceel.NaarWerk, new DateOnly(2026, 3, 2)),
            new OpenAnswerFixtures.Client("B200", "Noor", "Bos", Perceel.NaarWerk, new DateOnly(2026, 3, 3)),
            new OpenAnswerFixtures.Client("B300", "Sem", "Kok", Perceel.NaarWerk, new DateOnly(2026, 3, 4)),
        };
        await DeliverAsync(stack, company, clients);
        await AnswerAsync(stack, company, clients[0], 8, goed: "Ik ben Fenna en alles was duidelijk.");
        await AnswerAsync(stack, company, clients[1], 7, goed: "De buurvrouw van de bakker op de hoek hielp me.");
        await AnswerAsync(stack, company, clients[2], 6, beter: "Sneller terugbellen graag.");
        await ReportStack.RunReportAsync(stack, company);

        var bureauEmail = $"analist-{Guid.NewGuid().ToString("N")[..8]}@bureau.example.nl";
        await PortalClient.AddUserAsync(stack, bureauEmail, null);
        var page = await NewPageAsync();
        await page.GotoAsync(await PortalClient.LinkAsync(stack, bureauEmail));
        await page.ClickAsync("button[type=submit]");
        await page.GotoAsync($"{stack.BaseUrl}/portal/bureau/reports/{company}?year=2026");

        // The report page keeps draft, figures and the sign form; the open answers have their own page, linked with their number.
        Assert.Equal(0, await page.Locator("li.open-answer").CountAsync());
        Assert.Equal(1, await page.Locator("form[action$='/sign']").CountAsync());
        var draftSrc = await page.GetAttributeAsync("iframe.pdf-preview", "src");
        await CheckAsync(page, "report-appendix-00-report");

        // The exemption letter: three ended services in Naar werk.
        var letterLink = page.GetByRole(AriaRole.Link, new() { Name = "Aanvraagbrief vrijstelling Naar werk (PDF)" });
        var letter = await page.Context.APIRequest.GetAsync(stack.BaseUrl + await letterLink.GetAttributeAsync("href"));
        Assert.Equal(200, letter.Status);
        var letterText = ReportStack.PdfText(await letter.BodyAsync());
        Assert.Contains("perceel Naar werk", letterText);
        Assert.Contains("In 2026 zijn in dit perceel 3 re-integratiediensten beëindigd.", letterText);
        Assert.Contains("Ter attentie van de accounthouder van Test Re-integratie " + company, letterText);

        await page.GetByRole(AriaRole.Link, new() { Name = "Open antwoorden beoordelen (3)" }).ClickAsync();
        Assert.EndsWith($"/portal/bureau/reports/{company}/open-answers?year=2026", page.Url);

        // The answers as the draft has them, under their perceel: redacted before they reached it.
        var answers = page.Locator("li.open-answer");
        Assert.Equal(3, await answers.CountAsync());
        Assert.Equal("Naar werk (3)", (await page.Locator("main h2").First.TextContentAsync())?.Trim());
        var main = await page.TextContentAsync("main");
        Assert.Contains("Ik ben [verwijderd] en alles was duidelijk.", main);
        Assert.DoesNotContain("Fenna", main);
        await CheckAsync(page, "report-appendix-01");
        await page.SetViewportSizeAsync(390, 844);
        await PageChecks.ScreenshotAsync(page, "report-appendix-01-390");
        await page.SetViewportSizeAsync(320, 740);

        // An empty reason is refused by the server too (the browser's check bypassed): 422, nothing hidden.
        var emptyReason = await page.Context.APIRequest.PostAsync($"{stack.BaseUrl}/portal/bureau/reports/{company}/hide", new()
        {
            Form = FormWith(page.Context.APIRequest, await page.GetAttributeAsync("input[name=_csrf]", "value"), ("year", "2026"),
                ("answer", await page.GetAttributeAsync("input[name=answer]", "value")), ("reason", " ")),
            MaxRedirects = 0,
        });
        Assert.Equal(422, emptyReason.Status);
        Assert.Contains("Geef een reden om het antwoord te verbergen", await emptyReason.TextAsync());

        // Hide the answer that makes someone recognisable, with a reason.
        var target = answers.Filter(new() { HasText = "buurvrouw" });
        await target.GetByLabel("Reden om dit antwoord te verbergen").FillAsync("Noemt een winkel en een buur: herkenbaar.");
        await target.GetByRole(AriaRole.Button, new() { Name = "Verbergen" }).ClickAsync();
        Assert.EndsWith($"/open-answers?year=2026&klaar=verborgen", page.Url);
        Assert.Contains("Het antwoord is verborgen", await page.TextContentAsync(".notice"));
        Assert.Equal(2, await page.Locator("li.open-answer").CountAsync());
        main = await page.TextContentAsync("main");
        Assert.DoesNotContain("buurvrouw", main);
        Assert.Contains($"verborgen door {bureauEmail}", main);
        Assert.Contains("Reden: Noemt een winkel en een buur: herkenbaar.", main);
        await CheckAsync(page, "report-appendix-02-hidden");

        // Back on the report page: a new draft, two answers left, one hidden.
        await page.GetByRole(AriaRole.Link, new() { Name = "Terug naar het rapport 2026" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Open antwoorden beoordelen (2)" }).WaitForAsync();
        Assert.Contains("Verborgen: 1.", await page.TextContentAsync("main"));
        Assert.NotEqual(draftSrc, await page.GetAttributeAsync("iframe.pdf-preview", "src"));

        // The draft PDF the page shows no longer has it; the audit log names who and why.
        var draftPdf = await page.Context.APIRequest.GetAsync(stack.BaseUrl + await page.GetAttributeAsync("iframe.pdf-preview", "src"));
        var draftText = ReportStack.PdfText(await draftPdf.BodyAsync());
        Assert.DoesNotContain("buurvrouw", draftText);
        Assert.Contains("Sneller terugbellen graag.", draftText);
        await page.GotoAsync($"{stack.BaseUrl}/portal/bureau/audit");
        var log = await page.TextContentAsync("table");
        Assert.Matches($@"Open antwoord [0-9a-f]{{16}} verborgen in rapport 2026 door {System.Text.RegularExpressions.Regex.Escape(bureauEmail)}; reden: Noemt een winkel en een buur: herkenbaar\.", log);

        // A company user of this company gets 404 on the letter and the hide form.
        var companyUser = new PortalClient(stack);
        var email = $"eigen@{company}.example.nl";
        await PortalClient.AddUserAsync(stack, email, company);
        await companyUser.SignInAsync(email);
        Assert.Equal(HttpStatusCode.NotFound, (await companyUser.Http.GetAsync($"/portal/bureau/reports/{company}/2026/exemption/naar-werk")).StatusCode);
        var post = await companyUser.Http.PostAsync($"/portal/bureau/reports/{company}/hide",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["year"] = "2026", ["answer"] = "x", ["reason"] = "y" }));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await companyUser.Http.GetAsync($"/portal/bureau/reports/{company}/open-answers?year=2026")).StatusCode);
    }

    private static IFormData FormWith(IAPIRequestContext request, string? token, params (string Name, string? Value)[] fields)
    {
        var form = request.CreateFormData().Set("_csrf", token ?? "");
        foreach (var (name, value) in fields) form.Set(name, value ?? "");
        return form;
    }

    private static Task CheckAsync(IPage page, string name) => PageChecks.CheckPhoneAndDesktopAsync(page, name);

    private async Task<IPage> NewPageAsync()
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 320, Height = 740 },
            Locale = "nl-NL",
            BypassCSP = true,
        });
        return await context.NewPageAsync();
    }
}
