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

        // Overview: the delivering company has one service not yet approached, and few enough for exemption.
        var row = page.Locator("tr", new() { Has = page.Locator($"a[href='/portal/companies/{company}']") });
        var flags = await row.Locator("td").Last.TextContentAsync();
        Assert.Contains("Naar werk: 1 nog niet benaderd", flags);
        Assert.Contains("Naar werk: vrijstelling mogelijk", flags);
        Assert.Contains("Naar werk: respons onder het minimum", flags);
        Assert.DoesNotContain("Geen levering in 6 weken", flags);
        Assert.Contains("geleverd", await row.Locator("td").Nth(1).TextContentAsync());
        var quietRow = page.Locator("tr", new() { Has = page.Locator($"a[href='/portal/companies/{quiet}']") });
        Assert.Contains("Geen levering in 6 weken", await quietRow.Locator("td").Last.TextContentAsync());
        await CheckAsync(page, "bureau-01-overview");

        // The bureau opens a company's pages too.
        Assert.Equal(200, (await page.GotoAsync($"{stack.BaseUrl}/portal/companies/{company}"))!.Status);

        // Users and companies: add a company user, register a company, remove the user.
        await page.GotoAsync($"{stack.BaseUrl}/portal/bureau/users");
        var newUser = $"nieuw@{company}.example.nl";
        await page.GetByLabel("E-mailadres").FillAsync(newUser);
        await page.GetByLabel("Bedrijf", new() { Exact = true }).SelectOptionAsync(company);
        await page.ClickAsync("text=Gebruiker toevoegen >> nth=-1");
        Assert.Contains($"{newUser} is toegevoegd", await page.TextContentAsync(".notice"));
        await CheckAsync(page, "bureau-02-users");
        await page.GetByLabel("E-mailadres").FillAsync(newUser);
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

        await page.ClickAsync($"button:has-text('{newUser}')");
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
