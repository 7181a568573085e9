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
    public async Task A_bureau_user_is_told_which_batch_is_replaced_confirms_the_number_of_letters_and_marks_them_posted_once()
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
        await page.ClickAsync("text=Brieven maken en als verstuurd markeren");
        await PageChecks.AssertAccessibleAsync(page, "letters empty");
        Assert.Equal(0, await page.Locator("#replace-warning").CountAsync()); // nothing to replace yet
        await page.ClickAsync("button:has-text('Brieven maken')");
        // Made in the background: the page refreshes itself until the batch is made.
        await page.WaitForSelectorAsync("#made-notice", new PageWaitForSelectorOptions { Timeout = 60_000 });
        Assert.Contains("is gemaakt. Aantal brieven: 1.", await page.TextContentAsync("#made-notice"));
        Assert.Equal(0, await page.Locator("#replaced-notice").CountAsync());

        // Making letters again while this batch is unposted: the page warns before, and says after, which batch is replaced.
        var first = await BatchIdAsync(page, 0);
        Assert.Contains($"Batch {first} (aantal brieven: 1) is nog niet als verstuurd gemarkeerd", await page.TextContentAsync("#replace-warning"));
        await page.ClickAsync($"button:has-text('Nieuwe brieven maken (vervangt batch {first})')");
        await page.WaitForSelectorAsync("#made-notice", new PageWaitForSelectorOptions { Timeout = 60_000 });
        var batch = await BatchIdAsync(page, 0);
        Assert.NotEqual(first, batch);
        Assert.Contains($"Deze batch vervangt batch {first}.", await page.TextContentAsync("#replaced-notice"));
        Assert.Contains($"Verstuur de brieven van batch {first} niet meer", await page.TextContentAsync("#replaced-notice"));
        Assert.Contains("vervangen (niet versturen)", await page.TextContentAsync($"#batch-{first}"));
        await page.SetViewportSizeAsync(320, 740);
        await PageChecks.CheckPhoneAndDesktopAsync(page, "letters-05-replaced");
        await page.SetViewportSizeAsync(390, 844);
        await PageChecks.ScreenshotAsync(page, "letters-05-replaced-390");
        await page.SetViewportSizeAsync(1280, 900);

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync($"#batch-{batch} a:has-text('PDF')"));
        var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Contains("P.J. van der Berg", LetterPdf.Text(pdf, 1, LetterPdf.Window));

        // "Markeer als verstuurd" is an action that asks first, with the number of letters; nothing is recorded until confirmed.
        await page.ClickAsync($"#batch-{batch} a:has-text('Markeer als verstuurd')");
        Assert.Contains($"Batch {batch} markeren als verstuurd?", await page.TextContentAsync("#confirm-heading"));
        Assert.Contains("Aantal brieven: 1 (eerste brief: 1, herinnering: 0)", await page.TextContentAsync("section.confirm"));
        Assert.Contains("Dit kan niet ongedaan worden gemaakt.", await page.TextContentAsync("section.confirm"));
        Assert.Empty(await LetterAttemptsAsync(company, end.Year));
        await page.SetViewportSizeAsync(320, 740);
        await PageChecks.CheckPhoneAndDesktopAsync(page, "letters-05-confirm");
        await page.SetViewportSizeAsync(390, 844);
        await PageChecks.ScreenshotAsync(page, "letters-05-confirm-390");
        await page.ClickAsync("text=Nee, terug");
        Assert.Equal(0, await page.Locator("section.confirm").CountAsync());
        Assert.Empty(await LetterAttemptsAsync(company, end.Year));

        await page.ClickAsync($"#batch-{batch} a:has-text('Markeer als verstuurd')");
        await page.ClickAsync($"button:has-text('Ja, markeer batch {batch} als verstuurd')");
        Assert.Contains($"Batch {batch} is gemarkeerd als verstuurd", await page.TextContentAsync(".notice"));
        Assert.Contains("verstuurd", await page.TextContentAsync($"#batch-{batch}"));
        Assert.Equal(0, await page.Locator("#replace-warning").CountAsync());

        // The same confirmed form posted again (a reload, a double click) records nothing more and says so.
        var portal = new PortalClient(stack);
        await portal.SignInAsync(bureauEmail);
        var html = await portal.Http.GetStringAsync($"/portal/bureau/fieldwork/{company}/letters?year={end.Year}");
        var again = await portal.PostFormAsync($"/portal/bureau/fieldwork/{company}/letters/{batch}/posted",
            new() { ["_csrf"] = PortalClient.FormToken(html), ["year"] = end.Year.ToString(), ["bevestigd"] = "ja" });
        Assert.Equal(HttpStatusCode.SeeOther, again.StatusCode);
        Assert.Contains("al=1", again.Headers.Location!.OriginalString);
        Assert.Contains("was al gemarkeerd als verstuurd", await portal.Http.GetStringAsync(again.Headers.Location!.OriginalString));
        // A post without the confirmation's answer only leads to the confirmation.
        var unconfirmed = await portal.PostFormAsync($"/portal/bureau/fieldwork/{company}/letters/{batch}/posted",
            new() { ["_csrf"] = PortalClient.FormToken(html), ["year"] = end.Year.ToString() });
        Assert.Equal(HttpStatusCode.SeeOther, unconfirmed.StatusCode);
        Assert.Contains($"verstuur={batch}", unconfirmed.Headers.Location!.OriginalString);

        Assert.Single(await LetterAttemptsAsync(company, end.Year));
        var audit = await stack.Services.GetRequiredService<IAuditLog>().RecentAsync(500, default);
        Assert.Contains(audit, e => e.Action == AuditActions.LettersMade && e.Actor == bureauEmail && e.Company == company);
        Assert.Single(audit, e => e.Action == AuditActions.LettersPosted && e.Actor == bureauEmail && e.Company == company);
    }

    private static async Task<string> BatchIdAsync(IPage page, int row) =>
        ((await page.Locator("table.runs tbody tr").Nth(row).GetAttributeAsync("id"))!)["batch-".Length..];

    private async Task<List<ContactAttempt>> LetterAttemptsAsync(string company, int year)
    {
        var attempts = new List<ContactAttempt>();
        await foreach (var a in stack.Services.GetRequiredService<IFieldworkStore>().AttemptsAsync(company, year, default))
            if (a.Mode == ContactMode.Letter) attempts.Add(a);
        return attempts;
    }
}
