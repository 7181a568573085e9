using Kto.Core.Accounts;
using Kto.Functions.Tests.Browser;
using Microsoft.Playwright;
using Kto.Core.Portal;
using Kto.Core.Settings;
using Kto.Functions.Portal;
using Kto.Infrastructure.Templates;

namespace Kto.Functions.Tests.Templates;

/// <summary>
/// The bureau overview's first view (issue 22): a company whose figures are still being counted in the background shows
/// that it is being counted — not "nooit geleverd", not "Niets te doen" — and the page says how many are left.
/// </summary>
public sealed class BureauOverviewCountingPageTests : IAsyncLifetime
{
    private readonly Chromium chromium = new();

    public Task InitializeAsync() => chromium.InitializeAsync();

    public Task DisposeAsync() => chromium.DisposeAsync();

    private static readonly PortalPageRenderer Renderer = new(new PageTemplates(new LiquidTemplates()), new BureauSettings { Name = "Bureau" });

    [Theory]
    [InlineData("nl", "De cijfers worden nog geteld: 1 van de 2 bedrijven.", "De cijfers worden geteld…")]
    [InlineData("en", "The figures are still being counted: 1 of the 2 companies.", "Counting the figures…")]
    public void A_company_still_being_counted_says_so_instead_of_figures_and_actions(string lang, string notice, string counting)
    {
        var page = new BureauOverviewPage(2026, ShownDate.ShortMinute(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero)), false, null, false, Counting: 1, [], "40%", ShownNumber.Grade(7), 75,
        [
            Row("acme", "Acme", counting: false),
            Row("beta", "Beta", counting: true),
        ]);
        var user = new PortalUser("bureau@example.org", UserRole.Bureau, null, DateTimeOffset.UnixEpoch, "test");

        var html = Renderer.Render(new PortalView("bureau-overview.liquid", "Overzicht", user, "token", page) { Language = lang }).ToString();

        Assert.Contains(notice, html);
        var beta = html[html.IndexOf("id=\"company-beta\"", StringComparison.Ordinal)..];
        var acme = html[html.IndexOf("id=\"company-acme\"", StringComparison.Ordinal)..html.IndexOf("id=\"company-beta\"", StringComparison.Ordinal)];
        Assert.Contains(counting, beta);
        Assert.DoesNotContain(counting, acme);
        // The counted company shows its delivery line and actions; the one being counted neither (it is not known yet).
        var lastDelivery = lang == "en" ? "3 Nov 2026" : "3 nov 2026"; // a date is written in the page's language
        Assert.Contains(lastDelivery, acme);
        Assert.DoesNotContain(lastDelivery, beta);
        Assert.Contains("/portal/companies/beta", beta); // its links stay usable meanwhile
    }

    /// <summary>
    /// The page as a bureau user's phone shows it while companies are counted: served by the real renderer (page and
    /// stylesheet) to Chromium, accessible (axe) at 320 px and at desktop width, no sideways scrolling, and the status
    /// notice announced to screen readers.
    /// </summary>
    [Theory]
    [InlineData("nl", "De cijfers worden geteld…")]
    [InlineData("en", "Counting the figures…")]
    public async Task The_counting_state_reads_well_on_a_phone_and_passes_the_accessibility_check(string lang, string counting)
    {
        var page = new BureauOverviewPage(2026, ShownDate.ShortMinute(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero)), false, null, false, Counting: 2, [], "40%", ShownNumber.Grade(7), 75,
        [
            Row("acme", "Acme Re-integratie en Begeleiding Noord-Holland", counting: false),
            Row("beta", "Beta", counting: true),
            Row("gamma", "Gamma", counting: true),
        ]);
        var user = new PortalUser("bureau@example.org", UserRole.Bureau, null, DateTimeOffset.UnixEpoch, "test");
        var html = Renderer.Render(new PortalView("bureau-overview.liquid", "Overzicht", user, "token", page)
            { Language = lang, RefreshAfter = 3, Nav = "overview" }).ToString();

        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 320, Height = 740 } });
        var browser = await context.NewPageAsync();
        // Only the page and its stylesheet and script are served (by the renderer, as the portal serves them).
        await browser.RouteAsync("http://kto.test/**", route =>
        {
            var path = new Uri(route.Request.Url).AbsolutePath;
            if (path == "/portal/bureau")
                return route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html; charset=utf-8", Body = html });
            if (path.StartsWith("/portal/assets/", StringComparison.Ordinal) && Renderer.Asset(path["/portal/assets/".Length..]) is { } asset)
                return route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = asset.ContentType, Body = asset.Content });
            return route.FulfillAsync(new RouteFulfillOptions { Status = 404 });
        });
        await browser.GotoAsync("http://kto.test/portal/bureau");
        // The page reloads itself (portal.js) until the count is done, and offers to stop that (WCAG 2.2.2).
        Assert.Equal("3", await browser.Locator("body").GetAttributeAsync("data-refresh-after"));
        await browser.ClickAsync("[data-refresh-stop]");
        Assert.False(await browser.Locator("[data-refresh-stop]").IsVisibleAsync()); // gone once used
        await browser.EvaluateAsync("window.stayed = true");

        var status = browser.Locator("#counting-status");
        Assert.Equal("status", await status.GetAttributeAsync("role"));
        Assert.True(await status.IsVisibleAsync());
        Assert.Equal(2, await browser.Locator("section.company-card p.muted", new() { HasTextString = counting }).CountAsync());
        await PageChecks.CheckPhoneAndDesktopAsync(browser, $"overview-counting-{lang}");
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.True(await browser.EvaluateAsync<bool>("window.stayed === true")); // stopped: no reload after the 3 s
        await context.CloseAsync();
    }

    private static BureauOverviewPage.CompanyRow Row(string id, string name, bool counting) =>
        new(id, name, $"/portal/companies/{id}", $"/portal/companies/{id}/progress", $"/portal/bureau/fieldwork/{id}",
            $"/portal/bureau/reports/{id}", counting ? null : ShownDate.ShortDay(new DateTimeOffset(2026, 11, 3, 12, 0, 0, TimeSpan.Zero)), !counting, [], [], null, counting);
}
