using System.Net;
using Kto.Functions.Tests.Browser;
using Kto.Functions.Tests.Support;
using Microsoft.Playwright;

namespace Kto.Functions.Tests.Portal;

/// <summary>
/// A bureau user in Chromium: the overview with its action flags, adding and removing a company user and
/// registering a company through the forms, and the audit log that records it. A company user gets 404 there.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class BureauPagesBrowserTests(LocalStack stack) : IAsyncLifetime
{
    private readonly Chromium chromium = new();

    public Task InitializeAsync() => chromium.InitializeAsync();

    public Task DisposeAsync() => chromium.DisposeAsync();

    [Fact]
    public async Task The_bureau_sees_flags_manages_users_and_companies_and_reads_the_audit_log()
    {
        var (company, _) = await stack.NewCompanyAsync("over");
        await stack.DeliverAsync(company, "levering.csv", Exports.Csv(Exports.Row("O1", einddatum: DateTime.Today.AddDays(-10).ToString("dd-MM-yyyy"))));
        var (quiet, _) = await stack.NewCompanyAsync("stil");
        var bureauEmail = $"onderzoeker-{Guid.NewGuid().ToString("N")[..8]}@bureau.example.nl";
        await PortalClient.AddUserAsync(stack, bureauEmail, null);
        var page = await NewPageAsync();
        await page.GotoAsync(await PortalClient.LinkAsync(stack, bureauEmail));
        await page.ClickAsync("button[type=submit]");
        Assert.EndsWith("/portal/bureau", page.Url);

        // Overview: one block per company; the delivering company has one service not yet approached, and few enough
        // for exemption. Each action is one line with a link to where to act on it.
        var card = page.Locator($"section.company-card:has(h2 a[href='/portal/companies/{company}'])");
        var actions = card.Locator("ul.actions li");
        Assert.Equal(3, await actions.CountAsync());
        Assert.Contains("Nog niet benaderd: Naar werk (1).", await actions.Nth(0).TextContentAsync());
        Assert.Equal($"/portal/bureau/fieldwork/{company}?year={DateTime.Today.Year}", await actions.Nth(0).Locator("a").GetAttributeAsync("href"));
        Assert.Contains("Respons onder het minimum: Naar werk.", await actions.Nth(1).TextContentAsync());
        Assert.Contains("Vrijstelling mogelijk: Naar werk.", await actions.Nth(2).TextContentAsync());
        Assert.Equal($"/portal/bureau/reports/{company}?year={DateTime.Today.Year}", await actions.Nth(2).Locator("a").GetAttributeAsync("href"));
        Assert.Contains("deze maand geleverd", await card.TextContentAsync());
        var quietCard = page.Locator($"section.company-card:has(h2 a[href='/portal/companies/{quiet}'])");
        Assert.Contains("Geen levering in de laatste 6 weken.", await quietCard.Locator("ul.actions").TextContentAsync());
        Assert.Equal($"/portal/companies/{quiet}", await quietCard.Locator("ul.actions a").GetAttributeAsync("href"));
        // Each term explained once on the page.
        Assert.Equal(1, await page.Locator("dl.terms dt:text-is('Vrijstelling mogelijk')").CountAsync());
        await CheckAsync(page, "bureau-01-overview");

        await Screenshot390Async(page, "bureau-01-overview");
        // On a phone a perceel's row header is one line: no word broken in the middle ("Naar we rk").
        var header = card.Locator("table.figures th[scope=row]").First;
        Assert.Equal("Naar werk", (await header.TextContentAsync())?.Trim());
        var lines = await header.EvaluateAsync<double>("e => e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight)");
        Assert.True(lines < 2.5, $"'Naar werk' takes {lines:0.0} lines at 390 px"); // one line plus padding

        // The bureau opens a company's pages too: on a phone the deliveries show Afgekeurd and the progress Respons on screen.
        Assert.Equal(200, (await page.GotoAsync($"{stack.BaseUrl}/portal/companies/{company}"))!.Status);
        await page.SetViewportSizeAsync(390, 844);
        await AssertOnScreenAsync(page, "td[data-label='Afgekeurd']");
        await CheckAsync(page, "bureau-01b-deliveries");
        await Screenshot390Async(page, "bureau-01b-deliveries");
        await page.GotoAsync($"{stack.BaseUrl}/portal/companies/{company}/progress");
        await page.SetViewportSizeAsync(390, 844);
        await AssertOnScreenAsync(page, "td[data-label='Respons']");
        await CheckAsync(page, "bureau-01c-progress");
        await Screenshot390Async(page, "bureau-01c-progress");

        // Users and companies: add a company user, register a company, remove the user.
        await page.GotoAsync($"{stack.BaseUrl}/portal/bureau/users");
        var newUser = $"nieuw@{company}.example.nl";
        await page.GetByLabel("E-mailadres").FillAsync(newUser);
        await page.GetByLabel("Bedrijf", new() { Exact = true }).SelectOptionAsync(company);
        await page.ClickAsync("text=Gebruiker toevoegen >> nth=-1");
        Assert.Contains($"{newUser} is toegevoegd", await page.TextContentAsync(".notice"));
        Assert.Contains("Er is een welkomstmail gestuurd", await page.TextContentAsync(".notice"));
        var welcome = Assert.Single(stack.Smtp.To($"{company}.example.nl"), m => m.To.Mailboxes.Any(b => b.Address == newUser));
        Assert.Contains("Uw account voor het KTO-portaal", welcome.Subject);
        Assert.Contains($"{stack.BaseUrl}/portal", welcome.TextBody);
        Assert.Contains("vragen@testbureau.example", welcome.TextBody);
        await CheckAsync(page, "bureau-02-users");
        // The same address again with another name is another account: refused (an identical repeat is a double click and answers as done).
        await page.GetByLabel("E-mailadres").FillAsync(newUser);
        await page.GetByLabel("Ondertekent rapporten als (niet verplicht)").FillAsync("Iemand Anders");
        await page.GetByLabel("Bedrijf", new() { Exact = true }).SelectOptionAsync(company);
        await page.ClickAsync("text=Gebruiker toevoegen >> nth=-1");
        Assert.Contains("bestaat al een account", await page.TextContentAsync("#user-error"));
        await CheckAsync(page, "bureau-03-user-error");

        var newCompany = $"nieuw-{Guid.NewGuid():N}"[..16];
        await page.GetByLabel("Id").FillAsync(newCompany);
        await page.GetByLabel("Naam").FillAsync("Nieuw Re-integratie");
        await page.ClickAsync("button:text('Bedrijf registreren')");
        Assert.Contains("Nieuw Re-integratie is geregistreerd", await page.TextContentAsync(".notice"));
        Assert.Contains($"kto.{newCompany}.", await page.TextContentAsync(".notice code"));

        // Removing asks first; "Nee" keeps the user, "Ja" removes.
        await page.ClickAsync($"button:has-text('{newUser}')");
        Assert.Contains($"Weet u zeker dat u {newUser} wilt verwijderen?", await page.TextContentAsync(".notice.warn"));
        Assert.Equal(1, await page.Locator($"th:text-is('{newUser}')").CountAsync());
        await CheckAsync(page, "bureau-03b-confirm-remove");
        await page.ClickAsync("text=Nee, niet verwijderen");
        Assert.Equal(1, await page.Locator($"th:text-is('{newUser}')").CountAsync());
        await page.ClickAsync($"button:has-text('{newUser}')");
        await page.ClickAsync($"button:has-text('Ja, verwijder {newUser}')");
        Assert.Contains($"{newUser} is verwijderd", await page.TextContentAsync(".notice"));
        Assert.Equal(0, await page.Locator($"th:text-is('{newUser}')").CountAsync());

        // The audit log names the person for each change.
        await page.ClickAsync("nav >> text=Logboek");
        var log = await page.TextContentAsync("table");
        Assert.Contains($"{newUser} toegevoegd", log);
        Assert.Contains($"{newUser} verwijderd", log);
        Assert.Contains("Nieuw Re-integratie geregistreerd", log);
        Assert.Contains(bureauEmail, log);
        await CheckAsync(page, "bureau-04-audit");

        // A company user gets 404 on every bureau page.
        var companyUser = new PortalClient(stack);
        var email = $"alleen@{company}.example.nl";
        await PortalClient.AddUserAsync(stack, email, company);
        await companyUser.SignInAsync(email);
        foreach (var path in new[] { "/portal/bureau", "/portal/bureau/users", "/portal/bureau/audit" })
            Assert.Equal(HttpStatusCode.NotFound, (await companyUser.Http.GetAsync(path)).StatusCode);
    }

    private static async Task CheckAsync(IPage page, string name)
    {
        await page.SetViewportSizeAsync(320, 740); // the check measures sideways scrolling at 320 px
        await PageChecks.CheckPhoneAndDesktopAsync(page, name);
    }

    /// <summary>A screenshot at 390 px (a common phone), the page left at that width.</summary>
    private static async Task Screenshot390Async(IPage page, string name)
    {
        await page.SetViewportSizeAsync(390, 844);
        await PageChecks.ScreenshotAsync(page, name + "-390");
    }

    /// <summary>The first element matching <paramref name="selector"/> is visible and inside the viewport's width (not off-screen to the right).</summary>
    private static async Task AssertOnScreenAsync(IPage page, string selector)
    {
        var cell = page.Locator(selector).First;
        Assert.True(await cell.IsVisibleAsync(), $"{selector} is visible");
        var right = await cell.EvaluateAsync<double>("e => e.getBoundingClientRect().right");
        var width = await page.EvaluateAsync<double>("window.innerWidth");
        Assert.True(right <= width, $"{selector} ends at {right:0} px, beyond the {width:0} px screen");
    }

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
