using System.Text.Json;
using System.Net;
using System.Net.Http.Json;
using Kto.Functions.Tests.Browser;
using Kto.Functions.Tests.Reports;
using Kto.Functions.Tests.Support;
using Microsoft.Playwright;

namespace Kto.Functions.Tests.Portal;

/// <summary>
/// The check page UWV uses, without signing in: a signed report is recognised with its company, year, version and
/// time, an altered copy is "niet herkend"; hashed in the browser (Web Crypto) and, without JavaScript, on the server.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class VerifyPageBrowserTests(LocalStack stack) : IAsyncLifetime
{
    private readonly Chromium chromium = new();

    public Task InitializeAsync() => chromium.InitializeAsync();

    public Task DisposeAsync() => chromium.DisposeAsync();

    [Fact]
    public async Task A_signed_report_is_recognised_and_an_altered_one_is_not_with_and_without_javascript()
    {
        var (company, _) = await stack.NewCompanyAsync("echt");
        await stack.DeliverAsync(company, "levering.csv", Exports.Csv(Exports.Row("E1"), Exports.Row("E2")));
        await ReportStack.RunReportAsync(stack, company);
        var draft = (await stack.Bureau().GetFromJsonAsync<JsonElement>($"/api/reports/2026/{company}")).GetProperty("draft").GetProperty("id").GetString();
        var sign = await stack.Bureau().PostAsJsonAsync($"/api/reports/2026/{company}/sign", new { signer = "Dr. C. Visser", conclusion = "Voldoende.", draft });
        Assert.Equal(HttpStatusCode.Created, sign.StatusCode);
        var pdf = await ReportStack.DownloadAsync(stack.Bureau(), company, "report.pdf", "1");
        var altered = pdf.ToArray();
        altered[altered.Length / 2] ^= 0x01;
        var signedFile = TestTemp.File($"rapport-{company}.pdf");
        var alteredFile = TestTemp.File($"rapport-{company}-gewijzigd.pdf");
        await File.WriteAllBytesAsync(signedFile, pdf);
        await File.WriteAllBytesAsync(alteredFile, altered);

        // The company's reports page lists the signed version with its signer and hash, and serves the same PDF.
        var email = $"rapport@{company}.example.nl";
        await PortalClient.AddUserAsync(stack, email, company);
        var companyUser = new PortalClient(stack);
        await companyUser.SignInAsync(email);
        var reportsPage = WebUtility.HtmlDecode(await companyUser.Http.GetStringAsync($"/portal/companies/{company}/reports"));
        Assert.Contains("door Dr. C. Visser", reportsPage);
        Assert.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), reportsPage);
        Assert.Equal(pdf, await companyUser.Http.GetByteArrayAsync($"/portal/companies/{company}/reports/2026/1/report.pdf"));
        var reportsPageInBrowser = await NewPageAsync(javaScript: true);
        await reportsPageInBrowser.GotoAsync(await PortalClient.LinkAsync(stack, email));
        await reportsPageInBrowser.ClickAsync("button[type=submit]");
        await reportsPageInBrowser.ClickAsync("nav >> text=Rapporten");
        Assert.Equal("Rapporten", await reportsPageInBrowser.TextContentAsync("h1"));
        await CheckAsync(reportsPageInBrowser, "portal-12-reports");

        foreach (var javaScript in new[] { true, false })
        {
            var page = await NewPageAsync(javaScript);
            var suffix = javaScript ? "js" : "no-js";
            await page.GotoAsync($"{stack.BaseUrl}/verify");
            await CheckAsync(page, $"verify-01-empty-{suffix}");

            await page.GetByLabel("Rapport").SetInputFilesAsync(signedFile);
            await page.ClickAsync("button[type=submit]");
            await page.WaitForSelectorAsync(".notice");
            var answer = await page.TextContentAsync(".notice");
            Assert.Contains("Herkend", answer);
            Assert.Contains("Test Re-integratie " + company, answer);
            Assert.Contains("2026", answer);
            Assert.Matches(@"Versie\s*1", answer);
            // With JavaScript only the hash travelled: the URL carries it.
            Assert.Equal(javaScript, page.Url.Contains("sha256="));
            await CheckAsync(page, $"verify-02-recognised-{suffix}");

            await page.GetByLabel("Rapport").SetInputFilesAsync(alteredFile);
            await page.ClickAsync("button[type=submit]");
            await page.WaitForSelectorAsync(".notice.error");
            Assert.Contains("Niet herkend", await page.TextContentAsync(".notice"));
            await CheckAsync(page, $"verify-03-not-recognised-{suffix}");
        }
    }

    /// <summary>
    /// Issue 26 item 2: after version 2 is signed, version 1 is still genuine but /verify says a newer version exists
    /// (its number and date), and the API answers <c>"latest": false</c> with <c>"latestVersion"</c>; both say whether
    /// the checklist was met. Version 2 itself is the latest.
    /// </summary>
    [Fact]
    public async Task A_superseded_version_is_recognised_with_word_of_the_newer_version_and_the_checklist()
    {
        var (company, _) = await stack.NewCompanyAsync("nieuw");
        await stack.DeliverAsync(company, "levering.csv", Exports.Csv(Exports.Row("N1"), Exports.Row("N2")));
        await ReportStack.RunReportAsync(stack, company);
        var draft = (await stack.Bureau().GetFromJsonAsync<JsonElement>($"/api/reports/2026/{company}")).GetProperty("draft").GetProperty("id").GetString();
        var hashes = new List<string>();
        foreach (var conclusion in new[] { "Voldoende.", "Voldoende; de respons is na een extra herinnering gecontroleerd." })
        {
            var sign = await stack.Bureau().PostAsJsonAsync($"/api/reports/2026/{company}/sign", new { signer = "Dr. C. Visser", conclusion, draft });
            Assert.Equal(HttpStatusCode.Created, sign.StatusCode);
            hashes.Add((await sign.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sha256").GetString()!);
        }
        var status = await stack.Bureau().GetFromJsonAsync<JsonElement>($"/api/reports/2026/{company}");
        var second = status.GetProperty("versions")[1];
        var checklist = second.GetProperty("checklistStatus").GetString();

        using var anyone = stack.Client();
        var old = await anyone.GetFromJsonAsync<JsonElement>($"/api/verify/{hashes[0]}");
        Assert.True(old.GetProperty("valid").GetBoolean());
        Assert.False(old.GetProperty("latest").GetBoolean());
        Assert.Equal(2, old.GetProperty("latestVersion").GetInt32());
        Assert.Equal(second.GetProperty("signedAt").GetDateTimeOffset(), old.GetProperty("latestSignedAt").GetDateTimeOffset());
        Assert.Contains("Er is een nieuwere versie: versie 2", old.GetProperty("message").GetString());
        Assert.Equal(status.GetProperty("versions")[0].GetProperty("checklistStatus").GetString(), old.GetProperty("checklistStatus").GetString());
        var current = await anyone.GetFromJsonAsync<JsonElement>($"/api/verify/{hashes[1]}");
        Assert.True(current.GetProperty("latest").GetBoolean());
        Assert.Equal(2, current.GetProperty("latestVersion").GetInt32());
        Assert.Equal(checklist, current.GetProperty("checklistStatus").GetString());

        var page = await NewPageAsync(javaScript: true);
        await page.GotoAsync($"{stack.BaseUrl}/verify?sha256={hashes[0]}");
        Assert.Contains("Herkend", await page.TextContentAsync(".notice.ok"));
        var newer = await page.TextContentAsync("#newer-version");
        Assert.Contains("Er is een nieuwere versie van dit rapport: versie 2, ondertekend op ", newer);
        Assert.Contains("niet meer de geldende versie", newer);
        Assert.Contains("Controlelijst van UWV in orde", await page.TextContentAsync(".notice.ok"));
        Assert.Contains(checklist == "passed" ? "Ja," : checklist == "failed" ? "Nee," : "Nog open", await page.TextContentAsync(".notice.ok"));
        await CheckAsync(page, "verify-04-superseded");
        await page.SetViewportSizeAsync(390, 844);
        await PageChecks.ScreenshotAsync(page, "verify-04-superseded-390");

        await page.GotoAsync($"{stack.BaseUrl}/verify?sha256={hashes[1]}");
        Assert.Equal(0, await page.Locator("#newer-version").CountAsync());
        Assert.Matches(@"Versie\s*2", await page.TextContentAsync(".notice.ok"));
    }

    [Fact]
    public async Task A_signed_keurmerk_report_is_recognised_as_the_keurmerk_report_with_its_norms_not_the_uwv_checklist()
    {
        var (company, _) = await stack.NewCompanyAsync("bow");
        var drafted = await stack.Bureau().PostAsync($"/api/keurmerk/2026/{company}", null);
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        var draft = (await drafted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("draft").GetProperty("id").GetString();
        var sign = await stack.Bureau().PostAsJsonAsync($"/api/keurmerk/2026/{company}/sign", new { signer = "Dr. C. Visser", conclusion = "Getoetst.", draft });
        Assert.Equal(HttpStatusCode.Created, sign.StatusCode);
        var signed = await sign.Content.ReadFromJsonAsync<JsonElement>();

        var page = await NewPageAsync(javaScript: true);
        await page.GotoAsync($"{stack.BaseUrl}/verify?sha256={signed.GetProperty("sha256").GetString()}");
        var facts = await page.TextContentAsync(".notice.ok");
        Assert.Matches(@"Soort rapport\s*Blik op Werk Keurmerk-rapport", facts);
        Assert.Matches(@"Versie\s*1", facts);
        Assert.Contains("Dr. C. Visser", facts);
        // No figures yet: no norm can be judged, and the UWV checklist is not this report's.
        Assert.Contains("Normen van het Keurmerk gehaald", facts);
        Assert.Contains(signed.GetProperty("normsStatus").GetString() == "pending" ? "Nog open" : "Nee,", facts);
        Assert.DoesNotContain("Controlelijst van UWV", facts);
        await CheckAsync(page, "verify-05-keurmerk");
    }

    /// <summary>axe-core needs script, so it runs on the JavaScript pass (the markup is the same); screenshots on both.</summary>
    private static async Task CheckAsync(IPage page, string name)
    {
        if (!name.EndsWith("no-js", StringComparison.Ordinal)) await PageChecks.AssertAccessibleAsync(page, name);
        await PageChecks.ScreenshotAsync(page, name + "-phone");
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 320, $"'{name}' scrolls sideways at 320 px ({scrollWidth}px)");
        await page.SetViewportSizeAsync(1280, 900);
        await PageChecks.ScreenshotAsync(page, name + "-desktop");
        await page.SetViewportSizeAsync(320, 740);
    }

    private async Task<IPage> NewPageAsync(bool javaScript)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 320, Height = 740 },
            Locale = "nl-NL",
            BypassCSP = true,
            JavaScriptEnabled = javaScript,
        });
        return await context.NewPageAsync();
    }
}
