using System.Text.Json;
using System.Text.RegularExpressions;
using Kto.Functions.Tests.Browser;
using Kto.Functions.Tests.Support;
using Microsoft.Playwright;

namespace Kto.Functions.Tests.Portal;

/// <summary>
/// The portal driven end to end in Chromium through the real SMTP server: a user is added, receives the sign-in
/// mail, signs in, uploads an .xlsx, reads the receipt, sees progress; cannot open another company; signs out.
/// Every page is checked with axe-core (WCAG 2.1 AA) and photographed at 320 px and at desktop size.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed partial class PortalBrowserTests(LocalStack stack) : IAsyncLifetime
{
    private readonly Chromium chromium = new();

    public Task InitializeAsync() => chromium.InitializeAsync();

    public Task DisposeAsync() => chromium.DisposeAsync();

    [Fact]
    public async Task A_company_user_signs_in_by_mail_uploads_an_xlsx_reads_the_receipt_sees_progress_and_signs_out()
    {
        var (company, _) = await stack.NewCompanyAsync("portal");
        var (other, _) = await stack.NewCompanyAsync("ander");
        var email = $"beheer@{company}.example.nl";
        await PortalClient.AddUserAsync(stack, email, company);
        var page = await NewPhonePageAsync();

        // Sign-in page: ask for a link.
        await page.GotoAsync($"{stack.BaseUrl}/portal");
        Assert.Equal("Inloggen op het KTO-portaal", await page.TextContentAsync("h1"));
        await CheckAsync(page, "portal-01-sign-in");
        await page.GetByLabel("E-mailadres").FillAsync("geen-adres");
        await page.ClickAsync("button[type=submit]");
        Assert.Contains("geldig e-mailadres", await page.TextContentAsync("#email-error"));
        await CheckAsync(page, "portal-02-sign-in-error");
        await page.GetByLabel("E-mailadres").FillAsync(email.ToUpperInvariant());
        await page.ClickAsync("button[type=submit]");
        Assert.Equal("Kijk in uw mail", await page.TextContentAsync("h1"));
        await CheckAsync(page, "portal-03-mail-sent");

        // The mail, from the real SMTP server: a single-use link.
        var mail = await WaitForMailAsync(email);
        var link = LinkPattern().Match(mail.TextBody ?? "").Value;
        Assert.StartsWith($"{stack.BaseUrl}/portal/sign-in?t=", link);
        Assert.Null(mail.Headers["List-Unsubscribe"]);
        await page.GotoAsync(link);
        await CheckAsync(page, "portal-04-sign-in-confirm");
        await page.ClickAsync("button[type=submit]");
        Assert.EndsWith($"/portal/companies/{company}", page.Url);
        var session = (await page.Context.CookiesAsync()).Single(c => c.Name == "kto_session");
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, session.SameSite);

        // Deliveries: nothing this month yet; upload the export.
        Assert.Equal("Leveringen", await page.TextContentAsync("h1"));
        Assert.Contains("nog niet geleverd", await page.TextContentAsync(".notice"));
        await CheckAsync(page, "portal-05-deliveries-empty");
        var file = TestTemp.File($"export-{company}.xlsx");
        await File.WriteAllBytesAsync(file, PortalExports.Xlsx());
        await page.GetByLabel("Bestand").SetInputFilesAsync(file);
        await page.ClickAsync("form[enctype] button[type=submit]");

        // The receipt as a page (after the processing page refreshed itself).
        await page.WaitForSelectorAsync("h1:has-text('Ontvangstbewijs')", new() { Timeout = 60_000 });
        var counts = await page.TextContentAsync(".counts");
        Assert.Matches(@"3\s*rijen", counts);
        Assert.Matches(@"2\s*verwerkt", counts);
        Assert.Matches(@"1\s*afgekeurd", counts);
        var rejected = page.Locator("table").First.Locator("tbody tr");
        Assert.Equal(1, await rejected.CountAsync());
        Assert.Equal("4", await rejected.Locator("td").Nth(0).TextContentAsync());
        Assert.Equal("K1003", await rejected.Locator("td").Nth(1).TextContentAsync()); // the company finds the client by its number
        Assert.Equal("perceel", (await rejected.Locator("td").Nth(2).TextContentAsync())!.ToLowerInvariant());
        Assert.Contains("Verwerkt, maar 1 rij afgekeurd.", await page.TextContentAsync(".notice"));
        // A kept row's warning names its klantnummer too.
        var warned = page.Locator("table").Nth(1).Locator("tbody tr");
        Assert.Equal(1, await warned.CountAsync());
        Assert.Equal(("3", "K1002"), (await warned.Locator("td").Nth(0).TextContentAsync(), await warned.Locator("td").Nth(1).TextContentAsync()));
        Assert.Contains("Geen e-mailadres", await warned.Locator("td").Nth(3).TextContentAsync());
        await CheckAsync(page, "portal-06-receipt");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a:text-is('JSON')"));
        var json = JsonDocument.Parse(await File.ReadAllTextAsync((await download.PathAsync())!)).RootElement;
        Assert.Equal(2, json.GetProperty("accepted").GetInt32());
        Assert.Equal(4, json.GetProperty("rejected")[0].GetProperty("row").GetInt32());
        Assert.Equal("K1003", json.GetProperty("rejected")[0].GetProperty("klantnummer").GetString());
        var csv = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a:text-is('CSV')"));
        Assert.Contains("\"afgekeurd\";\"4\";\"K1003\"", await File.ReadAllTextAsync((await csv.PathAsync())!));
        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a:text-is('Excel (XLSX)')"));
        await using (var stream = File.OpenRead((await xlsx.PathAsync())!))
        using (var workbook = new ClosedXML.Excel.XLWorkbook(stream))
        {
            var line = workbook.Worksheet(1).Row(2);
            Assert.Equal(("afgekeurd", 4, "K1003"), (line.Cell(1).GetString(), line.Cell(2).GetValue<int>(), line.Cell(3).GetString()));
        }

        // The same receipt in English: the row's message too (Core writes it in Dutch; the page translates it, values kept).
        await page.ClickAsync("a.language");
        Assert.StartsWith("Receipt", await page.TextContentAsync("h1"));
        // The window's title too: composed in code with the file's name, translated before the name goes in.
        Assert.StartsWith($"Receipt export-{company}.xlsx", await page.TitleAsync());
        var english = await page.Locator("table").First.Locator("tbody tr td").Nth(3).TextContentAsync();
        Assert.Contains("perceel", english);
        Assert.Contains("Use Werkfit maken, Naar werk, Praktijkassessment or Modulaire Re-integratiediensten.", english);
        // And when it was processed, in English ("Processed on 7 December 2026 at 12:19.").
        Assert.Matches(@"^Processed on \d{1,2} [A-Z][a-z]+ \d{4} at \d{2}:\d{2}\.$", (await page.TextContentAsync("p.muted:has-text('Processed on')"))!.Trim());
        await CheckAsync(page, "portal-06-receipt-en");
        await page.ClickAsync("a.language");
        Assert.StartsWith("Ontvangstbewijs", await page.TextContentAsync("h1"));
        Assert.StartsWith($"Ontvangstbewijs export-{company}.xlsx", await page.TitleAsync());

        // Back to the deliveries: delivered this month, the file listed with its counts.
        await page.ClickAsync("text=Terug naar leveringen");
        Assert.Contains(": geleverd", await page.TextContentAsync(".notice"));
        Assert.Contains($"export-{company}.xlsx", await page.TextContentAsync("table"));
        await CheckAsync(page, "portal-07-deliveries");

        // Progress per perceel with the chart.
        await page.ClickAsync("nav >> text=Voortgang");
        Assert.Equal($"Voortgang {PortalExports.EndDate.Year}", await page.TextContentAsync("h1"));
        var naarWerk = page.Locator("tr", new() { Has = page.Locator("th:text-is('Naar werk')") }).First;
        Assert.Equal("2", await naarWerk.Locator("td").First.TextContentAsync());
        Assert.Equal(1, await page.Locator("svg.chart").CountAsync());
        Assert.Equal(24, await page.Locator("svg.chart rect").CountAsync());
        await CheckAsync(page, "portal-08-progress");

        // Another company's pages, by URL tampering: the same 404 as a page that does not exist.
        foreach (var path in new[] { $"/portal/companies/{other}", $"/portal/companies/{other}/progress",
                                     $"/portal/companies/{other}/deliveries/export-{company}.xlsx" })
        {
            var response = await page.GotoAsync(stack.BaseUrl + path);
            Assert.Equal(404, response!.Status);
        }
        Assert.Equal("Pagina niet gevonden", await page.TextContentAsync("h1"));
        await CheckAsync(page, "portal-09-not-found");

        // Keyboard: the skip link comes first and the focus is visible.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Naar de inhoud", await page.EvaluateAsync<string>("document.activeElement.textContent"));

        // Sign out: the session is gone, company pages send to the sign-in page.
        await page.GotoAsync($"{stack.BaseUrl}/portal/companies/{company}");
        await page.ClickAsync("text=Uitloggen");
        Assert.Contains("U bent uitgelogd", await page.TextContentAsync("main"));
        await CheckAsync(page, "portal-10-signed-out");
        await page.GotoAsync($"{stack.BaseUrl}/portal/companies/{company}");
        Assert.EndsWith("/portal", page.Url);

        // The link from the mail was used once: a second use is refused with a clear page.
        await page.GotoAsync(link);
        var reuse = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("button[type=submit]"), r => r.Url.EndsWith("/portal/sign-in"));
        Assert.Equal(410, reuse.Status);
        Assert.Equal("Deze inloglink is al gebruikt", await page.TextContentAsync("h1"));
        await CheckAsync(page, "portal-11-link-used");
    }

    private async Task<MimeKit.MimeMessage> WaitForMailAsync(string email)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < until)
        {
            // The sign-in mail, not the welcome mail the new account got first.
            var mail = stack.Smtp.Received.Select(r => r.Message).FirstOrDefault(m => m.To.Mailboxes.Any(a => a.Address.Equals(email, StringComparison.OrdinalIgnoreCase))
                                                                                   && (m.Subject ?? "").StartsWith("Uw inloglink", StringComparison.Ordinal));
            if (mail is not null) return mail;
            await Task.Delay(100);
        }
        throw new TimeoutException($"No sign-in mail for {email}");
    }

    /// <summary>axe-core at 320 px and at desktop size, with a screenshot of both.</summary>
    private static Task CheckAsync(IPage page, string name) => PageChecks.CheckPhoneAndDesktopAsync(page, name);

    /// <summary>BypassCSP only so axe-core can be injected; the page's own policy allows only its own script.</summary>
    private async Task<IPage> NewPhonePageAsync()
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 320, Height = 740 },
            Locale = "nl-NL",
            BypassCSP = true,
            AcceptDownloads = true,
        });
        return await context.NewPageAsync();
    }

    [GeneratedRegex(@"http://\S+/portal/sign-in\?t=[A-Za-z0-9_-]+")]
    private static partial Regex LinkPattern();
}
