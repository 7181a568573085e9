using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kto.Core;
using Kto.Core.Fieldwork;
using Kto.Functions.Tests.Browser;
using Kto.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kto.Functions.Tests.Portal;

/// <summary>
/// The bureau's fieldwork overview on the real stack: after an invitation run in which one address bounces, the page
/// shows the run with its counts and why it stopped, the throttle's use, and the bounced client per company; it
/// links to the company's list, where the client stands with the reason. Company users cannot open it.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class FieldworkOverviewPageTests(LocalStack stack) : IAsyncLifetime
{
    // A Tuesday, 10:00 in Amsterdam: inside mail hours.
    private static readonly DateTimeOffset Tuesday = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(1));
    private readonly Chromium chromium = new();

    public Task InitializeAsync() => chromium.InitializeAsync();

    public Task DisposeAsync() => chromium.DisposeAsync();

    [Fact]
    public async Task The_bureau_sees_the_run_its_stop_reason_the_throttle_and_the_bounced_client()
    {
        var (company, _) = await stack.NewCompanyAsync("vo");
        var domain = company + ".test";
        await stack.DeliverAsync(company, "export.csv", Exports.Csv(
            $"blijft;Sam;Blijft;blijft@{domain};0612345678;Naar werk;15-03-2026",
            $"stuitert;Sam;Stuitert;stuitert@{domain};0612345678;Naar werk;15-03-2026"));
        stack.Smtp.RejectPermanently[$"stuitert@{domain}"] = true;
        var quiet = await stack.RunJobAsync("send-reminders", Tuesday.AddHours(12));
        Assert.Equal(MailJobResult.StopReasons.QuietTime, quiet.GetProperty("stopped").GetString());
        var run = await stack.RunJobAsync("send-invitations", Tuesday);
        // The stack is shared: the run may also mail clients of other tests, so the page is held to the run's own counts.
        Assert.Equal([$"blijft@{domain}"], stack.Smtp.To(domain).Select(m => m.To.Mailboxes.Single().Address));
        Assert.True(run.GetProperty("sent").GetInt32() >= 1 && run.GetProperty("bounced").GetInt32() >= 1);
        Assert.Equal(MailJobResult.StopReasons.Done, run.GetProperty("stopped").GetString());

        var bureauEmail = $"overzicht-{Guid.NewGuid().ToString("N")[..8]}@bureau.example.nl";
        await PortalClient.AddUserAsync(stack, bureauEmail, null);
        var page = await (await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 320, Height = 740 }, Locale = "nl-NL", BypassCSP = true,
        })).NewPageAsync();
        await page.GotoAsync(await PortalClient.LinkAsync(stack, bureauEmail));
        await page.ClickAsync("button[type=submit]");
        await page.ClickAsync("nav >> text=Veldwerk");
        Assert.EndsWith("/portal/bureau/fieldwork", page.Url);
        await page.GotoAsync($"{stack.BaseUrl}/portal/bureau/fieldwork?year=2026");

        // The run, newest first, with its counts and why it stopped.
        var row = page.Locator($"tr[id='run-{run.GetProperty("id").GetString()}'] > *");
        var cells = await row.AllTextContentsAsync();
        string Count(string name) => run.GetProperty(name).GetInt32().ToString();
        Assert.Equal(["Uitnodigingen", "bureau", Count("sent"), Count("deferred"), Count("bounced"), Count("unknown"), "Klaar: alles verstuurd wat nu kon", "–"],
            cells.Where((_, i) => i != 2).Select(c => c.Trim()).ToArray());
        Assert.Equal(run.GetProperty("id").GetString(), (await page.Locator("table.runs tbody tr").First.GetAttributeAsync("id"))?["run-".Length..]);
        // A run that stopped early says why and when the next run continues.
        var quietCells = (await page.Locator($"tr[id='run-{quiet.GetProperty("id").GetString()}'] > *").AllTextContentsAsync()).Select(c => c.Trim()).ToList();
        Assert.Equal("Herinneringen", quietCells[0]);
        Assert.Contains("buiten de verzendtijden", quietCells[7]);
        var next = DutchTime.ToDutch(quiet.GetProperty("nextRunAt").GetDateTimeOffset());
        Assert.Equal(next.ToString("d MMM yyyy HH:mm", DutchTime.Culture), quietCells[8]);

        // The throttle's use, as the throttle itself counts it (sends are timed by the real clock, so at least this run's).
        var use = await stack.Services.GetRequiredService<IMailThrottle>().CurrentUseAsync(CancellationToken.None);
        var hour = Regex.Match(await page.TextContentAsync("#throttle-hour") ?? "", @"^(\d+) van (\d+) mails$");
        Assert.True(hour.Success);
        Assert.InRange(int.Parse(hour.Groups[1].Value), 1, use.LastHour);
        Assert.Equal(use.MaxPerHour, int.Parse(hour.Groups[2].Value));
        Assert.Matches($@"^\d+ van {use.MaxPerMinute} mails$", await page.TextContentAsync("#throttle-minute") ?? "");

        // Per company: one bounced, one without usable e-mail, linking to the company's list with the reason.
        var href = $"a[href='/portal/bureau/fieldwork/{company}?year=2026']";
        var companyCells = await page.Locator("table.companies tr", new() { Has = page.Locator(href) }).Locator("td").AllTextContentsAsync();
        Assert.Equal(["1", "1"], companyCells);
        await PageChecks.AssertAccessibleAsync(page, "fieldwork overview 320");
        await page.SetViewportSizeAsync(1280, 900);
        await PageChecks.AssertAccessibleAsync(page, "fieldwork overview 1280");
        await PageChecks.ScreenshotAsync(page, "bureau-06-fieldwork-overview");

        await page.Locator($"table.companies {href}").ClickAsync();
        var contact = page.Locator("li.contact");
        Assert.Equal(1, await contact.CountAsync());
        Assert.Contains("Sam Stuitert", await contact.Locator("label").TextContentAsync());
        Assert.Contains("e-mail onbestelbaar", await contact.TextContentAsync());

        // A company user cannot open it.
        var companyUser = new PortalClient(stack);
        await PortalClient.AddUserAsync(stack, $"eigen@{company}.example.nl", company);
        await companyUser.SignInAsync($"eigen@{company}.example.nl");
        Assert.Equal(HttpStatusCode.NotFound, (await companyUser.Http.GetAsync("/portal/bureau/fieldwork")).StatusCode);
    }
}
