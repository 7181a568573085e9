using Kto.Functions.Tests.Browser;
using Kto.Functions.Tests.Portal;
using Kto.Functions.Tests.Support;
using Microsoft.Playwright;

namespace Kto.Functions.Tests.Digest;

/// <summary>
/// The account page in Chromium: reached from the menu, the digest switched off with the keyboard and saved, the
/// choice shown again; axe-core (WCAG 2.1 AA) at 320 px and desktop size in Dutch and English.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class AccountPageBrowserTests(LocalStack stack) : IAsyncLifetime
{
    private readonly Chromium chromium = new();

    public Task InitializeAsync() => chromium.InitializeAsync();

    public Task DisposeAsync() => chromium.DisposeAsync();

    [Fact]
    public async Task A_company_user_switches_the_weekly_digest_off_on_the_account_page()
    {
        var (company, _) = await stack.NewCompanyAsync("acct");
        var email = $"eva@{company}.example.nl";
        await PortalClient.AddUserAsync(stack, email, company);
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 320, Height = 740 }, Locale = "nl-NL", BypassCSP = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(await PortalClient.LinkAsync(stack, email));
        await page.ClickAsync("button[type=submit]");

        await page.GetByRole(AriaRole.Link, new() { Name = "Mijn account" }).ClickAsync();
        Assert.EndsWith("/portal/account", page.Url);
        Assert.Equal("Mijn account", await page.TextContentAsync("h1"));
        var box = page.GetByLabel("Stuur mij het weekoverzicht");
        Assert.True(await box.IsCheckedAsync());
        await PageChecks.CheckPhoneAndDesktopAsync(page, "account-01");

        await box.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        Assert.Equal("Uw keuze is opgeslagen.", await page.TextContentAsync("#saved"));
        Assert.False(await page.GetByLabel("Stuur mij het weekoverzicht").IsCheckedAsync());
        await PageChecks.CheckPhoneAndDesktopAsync(page, "account-02-saved");

        await page.GotoAsync($"{stack.BaseUrl}/portal/account?lang=en");
        Assert.Equal("My account", await page.TextContentAsync("h1"));
        Assert.False(await page.GetByLabel("Send me the weekly digest").IsCheckedAsync());
        await PageChecks.CheckPhoneAndDesktopAsync(page, "account-03-en");
        await context.CloseAsync();
    }
}
