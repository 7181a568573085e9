using System.Net;
using Kto.Core.Accounts;
using Kto.Core.Fieldwork;
using Kto.Functions.Tests.Browser;
using Kto.Functions.Tests.Portal;
using Kto.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kto.Functions.Tests.Letters;

/// <summary>The bureau's letters page in Chromium: make a batch, download its PDF, mark it posted; audited; axe-clean.</summary>
[Collection(LocalStackCollection.Name)]
public sealed class LettersPageTests(LocalStack stack) : IAsyncLifetime
{
    private readonly Chromium chromium = new();

    public Task InitializeAsync() => chromium.InitializeAsync();

    public Task DisposeAsync() => chromium.DisposeAsync();

    [Fact]
    public async Task A_bureau_user_makes_letters_downloads_them_and_marks_them_posted_once()
    {
        var (company, _) = await stack.NewCompanyAsync("briefp");
        var end = DateTime.Today.AddDays(-10);
        await stack.DeliverAsync(company, "brieven.csv", LetterBatchTests.Export(end, "W"));
        var bureauEmail = $"brieven-{Guid.NewGuid().ToString("N")[..8]}@bureau.example.nl";
        await PortalClient.AddUserAsync(stack, bureauEmail, null);
        var page = await (await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "nl-NL", BypassCSP = true, AcceptDownloads = true,
        })).NewPageAsync();
        await page.GotoAsync(await PortalClient.LinkAsync(stack, bureauEmail));
        await page.ClickAsync("button[type=submit]");

        await page.GotoAsync($"{stack.BaseUrl}/portal/bureau/fieldwork/{company}?year={end.Year}");
        await page.ClickAsync("text=Brieven maken en als verstuurd vastleggen");
        await PageChecks.AssertAccessibleAsync(page, "letters empty");
        await page.ClickAsync("button:has-text('Brieven maken')");
        Assert.Contains("is gemaakt", await page.TextContentAsync(".notice"));
        await PageChecks.AssertAccessibleAsync(page, "letters made");
        await PageChecks.ScreenshotAsync(page, "bureau-06-letters");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a:has-text('PDF')"));
        var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Contains("P.J. van der Berg", LetterPdf.Text(pdf, 1, LetterPdf.Window));

        await page.ClickAsync("button:has-text('Verstuurd')");
        Assert.Contains("vastgelegd als verstuurd", await page.TextContentAsync(".notice"));
        Assert.Contains("verstuurd", await page.TextContentAsync("table.runs tbody"));
        // A second post of the same form (a reload, a double click) records nothing more.
        var portal = new PortalClient(stack);
        await portal.SignInAsync(bureauEmail);
        var html = await portal.Http.GetStringAsync($"/portal/bureau/fieldwork/{company}/letters?year={end.Year}");
        var batch = System.Text.RegularExpressions.Regex.Match(html, @"id=""batch-([0-9a-f-]+)""").Groups[1].Value;
        var again = await portal.PostFormAsync($"/portal/bureau/fieldwork/{company}/letters/{batch}/posted", new() { ["_csrf"] = PortalClient.FormToken(html) });
        Assert.Equal(HttpStatusCode.SeeOther, again.StatusCode);

        var attempts = new List<ContactAttempt>();
        await foreach (var a in stack.Services.GetRequiredService<IFieldworkStore>().AttemptsAsync(company, end.Year, default)) attempts.Add(a);
        Assert.Single(attempts, a => a.Mode == ContactMode.Letter);
        var audit = await stack.Services.GetRequiredService<IAuditLog>().RecentAsync(500, default);
        Assert.Contains(audit, e => e.Action == AuditActions.LettersMade && e.Actor == bureauEmail && e.Company == company);
        Assert.Single(audit, e => e.Action == AuditActions.LettersPosted && e.Actor == bureauEmail && e.Company == company);
    }
}
