using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Kto.Functions.Tests.Browser;
using Kto.Functions.Tests.Reports;
using Kto.Functions.Tests.Support;
using Microsoft.Playwright;

namespace Kto.Functions.Tests.Portal;

/// <summary>
/// A bureau user in Chromium on a company's report page: starts a draft, sees its checklist, is refused when the
/// draft was replaced after the page showed it, writes a conclusion and signs as the signed-in person; the signed
/// version is listed with its hash, the PDF names the signer, the audit log and /verify say who signed.
/// A company user gets 404 on the page and on its forms.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class BureauReportsBrowserTests(LocalStack stack) : IAsyncLifetime
{
    private readonly Chromium chromium = new();

    public Task InitializeAsync() => chromium.InitializeAsync();

    public Task DisposeAsync() => chromium.DisposeAsync();

    [Fact]
    public async Task The_bureau_drafts_reviews_and_signs_a_report_as_the_signed_in_person()
    {
        var year = DateTime.Today.Year;
        var (company, _) = await stack.NewCompanyAsync("rapp");
        await stack.DeliverAsync(company, "levering.csv", Exports.Csv(Exports.Row("R1", einddatum: DateTime.Today.AddDays(-10).ToString("dd-MM-yyyy"))));
        var bureauEmail = $"tekenaar-{Guid.NewGuid().ToString("N")[..8]}@bureau.example.nl";
        await PortalClient.AddUserAsync(stack, bureauEmail, null);
        var page = await NewPageAsync();
        await page.GotoAsync(await PortalClient.LinkAsync(stack, bureauEmail));
        await page.ClickAsync("button[type=submit]");
        Assert.EndsWith("/portal/bureau", page.Url);

        // From the company's reports page to the bureau's report page; no draft yet.
        await page.GotoAsync($"{stack.BaseUrl}/portal/companies/{company}/reports");
        await page.ClickAsync($"a[href='/portal/bureau/reports/{company}?year={year}']");
        Assert.Contains($"Er is nog geen concept voor {year}", await page.TextContentAsync("main"));
        await CheckAsync(page, "report-01-empty");

        // Start a draft: while the run goes the page says so and refreshes itself (portal.js, or its "Pagina vernieuwen" link
        // without script); once the draft is there the notice and the refresh are gone.
        await page.ClickAsync("button:text('Concept maken')");
        if (await page.Locator("#run-status").CountAsync() > 0)
        {
            Assert.Contains("Het concept wordt nu gemaakt", await page.TextContentAsync("#run-status"));
            Assert.Equal(1, await page.Locator("body[data-refresh-after]").CountAsync());
        }
        await page.WaitForSelectorAsync("input[name=draft]", new PageWaitForSelectorOptions { Timeout = 120_000, State = WaitForSelectorState.Attached });
        Assert.Equal(0, await page.Locator("#run-status").CountAsync());
        Assert.Equal(0, await page.Locator("body[data-refresh-after]").CountAsync());
        Assert.DoesNotContain("aangevraagd", await page.TextContentAsync("main"));
        var checks = page.Locator("ol.checklist > li");
        Assert.Equal(7, await checks.CountAsync());
        Assert.Contains("Rapport ondertekend door het onderzoeksbureau: Nog open", await checks.Nth(2).TextContentAsync());
        var preview = await page.GetAttributeAsync("iframe.pdf-preview", "src");
        var draftPdf = await page.Context.APIRequest.GetAsync(stack.BaseUrl + preview);
        Assert.Equal(200, draftPdf.Status);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await draftPdf.BodyAsync())[..4]));
        await CheckAsync(page, "report-02-draft");

        // The draft is replaced (a run through the API) while the page still shows the old one: not signed, a clear page.
        var shownDraft = await page.GetAttributeAsync("input[name=draft]", "value");
        await ReportStack.RunReportAsync(stack, company, year);
        await page.GetByLabel("Conclusie").FillAsync("De respons is laag; alle cliënten zijn twee keer benaderd.");
        await page.ClickAsync("button:has-text('Ondertekenen als')");
        Assert.Contains("Het concept is vervangen", await page.TextContentAsync("#report-error"));
        Assert.Equal(1, await page.GetByText("Nog geen ondertekende versie.").CountAsync());
        Assert.NotEqual(shownDraft, await page.GetAttributeAsync("input[name=draft]", "value"));
        await CheckAsync(page, "report-03-replaced");

        // An empty conclusion is refused by the server too (the field is required in the browser already).
        var typed = await page.GetByLabel("Conclusie").InputValueAsync();
        await page.GetByLabel("Conclusie").FillAsync("");
        await page.EvalOnSelectorAsync("#conclusion", "e => e.removeAttribute('required')");
        await page.ClickAsync("button:has-text('Ondertekenen als')");
        Assert.Contains("Schrijf uw conclusie", await page.TextContentAsync("#conclusion-error"));
        Assert.Equal("true", await page.GetAttributeAsync("#conclusion", "aria-invalid"));
        Assert.Equal(1, await page.GetByText("Nog geen ondertekende versie.").CountAsync());
        await page.GetByLabel("Conclusie").FillAsync(typed);

        // Sign the current draft: first a confirmation step that lists what is not in order, and says it is final.
        Assert.Contains(bureauEmail, await page.TextContentAsync("button:has-text('Ondertekenen als')"));
        await page.ClickAsync("button:has-text('Ondertekenen als')");
        Assert.Contains("definitief ondertekenen?", await page.TextContentAsync("h1"));
        var notInOrder = await page.TextContentAsync("#not-in-order");
        Assert.Contains($"Het jaar {year} is nog niet voorbij", notInOrder);
        Assert.Contains("onder het minimum", notInOrder);
        Assert.Contains("definitief", await page.TextContentAsync("main"));
        await CheckAsync(page, "report-03b-confirm");
        await page.SetViewportSizeAsync(390, 844);
        await PageChecks.ScreenshotAsync(page, "report-03b-confirm-390");
        await page.SetViewportSizeAsync(320, 740);
        // Back to change it keeps the conclusion; nothing is signed.
        await page.ClickAsync("button:text('Terug om te wijzigen')");
        Assert.Equal(typed, await page.GetByLabel("Conclusie").InputValueAsync());
        Assert.Equal(1, await page.GetByText("Nog geen ondertekende versie.").CountAsync());
        await page.ClickAsync("button:has-text('Ondertekenen als')");
        await page.ClickAsync("button:has-text('Ja, definitief ondertekenen als')");
        Assert.Contains("Het rapport is ondertekend", await page.TextContentAsync(".notice"));
        // The page tells the true state now: this draft is signed as version 1, its checklist is the signed version's.
        Assert.Contains("Dit concept is ondertekend: versie 1", await page.TextContentAsync(".signed-state"));
        var signedCheck = await page.Locator("ol.checklist > li").Nth(2).TextContentAsync();
        Assert.Contains("Rapport ondertekend door het onderzoeksbureau: In orde", signedCheck);
        Assert.DoesNotContain("Dit is een concept", await page.TextContentAsync("main"));
        var row = page.Locator("tbody tr").First;
        Assert.Equal("1", (await row.Locator("th").TextContentAsync())!.Trim());
        Assert.Contains(bureauEmail, await row.Locator("td").Nth(0).TextContentAsync());
        var hash = (await row.Locator("code.hash").TextContentAsync())!.Trim();
        Assert.Matches("^[0-9a-f]{64}$", hash);
        await CheckAsync(page, "report-04-signed");
        await page.SetViewportSizeAsync(390, 844);
        await PageChecks.ScreenshotAsync(page, "report-04-signed-390");
        await page.SetViewportSizeAsync(320, 740);

        var download = await page.Context.APIRequest.GetAsync(stack.BaseUrl + await row.Locator("a:has-text('PDF')").GetAttributeAsync("href"));
        Assert.Equal(200, download.Status);
        var pdf = await download.BodyAsync();
        Assert.Equal(hash, Convert.ToHexStringLower(SHA256.HashData(pdf)));
        var text = ReportStack.PdfText(pdf);
        Assert.Contains(bureauEmail, text);
        Assert.Contains("alle cliënten zijn twee keer benaderd", text);

        // The audit log names who signed what; /verify and its API say who signed.
        await page.GotoAsync($"{stack.BaseUrl}/portal/bureau/audit");
        var log = await page.TextContentAsync("table");
        Assert.Contains($"Rapport {year} versie 1 ondertekend door {bureauEmail} (SHA-256 {hash})", log);
        Assert.Contains(bureauEmail, log);
        await page.GotoAsync($"{stack.BaseUrl}/verify?sha256={hash}");
        Assert.Contains(bureauEmail, await page.TextContentAsync(".notice.ok"));
        var verified = await new HttpClient { BaseAddress = new Uri(stack.BaseUrl) }.GetFromJsonAsync<JsonElement>($"/api/verify/{hash}");
        Assert.True(verified.GetProperty("valid").GetBoolean());
        Assert.Equal(bureauEmail, verified.GetProperty("signedBy").GetString());
        Assert.Equal(1, verified.GetProperty("version").GetInt32());

        // A company user, even of this company, gets 404 on the page, the draft PDF and the forms.
        var companyUser = new PortalClient(stack);
        var email = $"eigen@{company}.example.nl";
        await PortalClient.AddUserAsync(stack, email, company);
        await companyUser.SignInAsync(email);
        Assert.Equal(HttpStatusCode.NotFound, (await companyUser.Http.GetAsync($"/portal/bureau/reports/{company}?year={year}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await companyUser.Http.GetAsync($"/portal/bureau/reports/{company}/{year}/draft/report.pdf")).StatusCode);
        foreach (var action in new[] { "start", "sign" })
        {
            var post = await companyUser.Http.PostAsync($"/portal/bureau/reports/{company}/{action}",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["year"] = year.ToString(), ["draft"] = "x" }));
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }
        var (_, after) = await ListVersionsAsync(company, year);
        Assert.Equal(1, after);
    }

    private async Task<(string? Draft, int Versions)> ListVersionsAsync(string company, int year)
    {
        var status = await stack.Bureau().GetFromJsonAsync<JsonElement>($"/api/reports/{year}/{company}");
        return (status.TryGetProperty("draft", out var d) && d.ValueKind == JsonValueKind.Object ? d.GetProperty("id").GetString() : null,
            status.GetProperty("versions").GetArrayLength());
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
