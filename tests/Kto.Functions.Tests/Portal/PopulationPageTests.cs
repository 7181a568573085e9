using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kto.Core.Accounts;
using Kto.Functions.Tests.Browser;
using Kto.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kto.Functions.Tests.Portal;

/// <summary>
/// The bureau's population page in Chromium: find a client by klantnummer, correct the perceel, withdraw another
/// client; progress follows, the audit log names the person, axe finds nothing at 320 and 1280 px; a company user and
/// a forged form are refused.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class PopulationPageTests(LocalStack stack) : IAsyncLifetime
{
    private readonly Chromium chromium = new();

    public Task InitializeAsync() => chromium.InitializeAsync();

    public Task DisposeAsync() => chromium.DisposeAsync();

    [Fact]
    public async Task A_bureau_user_finds_a_client_corrects_one_withdraws_another_and_progress_and_audit_follow()
    {
        var (company, _) = await stack.NewCompanyAsync("popu");
        await stack.DeliverAsync(company, "levering.csv", Exports.Csv(Exports.Row("K-11"), Exports.Row("K-22"), Exports.Row("K-33")));
        var bureauEmail = $"populatie-{Guid.NewGuid().ToString("N")[..8]}@bureau.example.nl";
        await PortalClient.AddUserAsync(stack, bureauEmail, null);
        var page = await (await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 320, Height = 740 }, Locale = "nl-NL", BypassCSP = true,
        })).NewPageAsync();
        await page.GotoAsync(await PortalClient.LinkAsync(stack, bureauEmail));
        await page.ClickAsync("button[type=submit]");

        // The list of every service, reached from the company's header.
        await page.GotoAsync($"{stack.BaseUrl}/portal/companies/{company}");
        await page.ClickAsync("a:has-text('populatie')");
        Assert.EndsWith($"/portal/bureau/population/{company}", page.Url);
        await page.GotoAsync($"{stack.BaseUrl}/portal/bureau/population/{company}?year=2026");
        Assert.Equal(3, await page.Locator("table tbody tr").CountAsync());
        await PageChecks.AssertAccessibleAsync(page, "population list");
        await PageChecks.ScreenshotAsync(page, "bureau-07-population-phone");

        // Find K-22 (spaces and case ignored) and correct its perceel.
        await page.Locator("#find-klantnummer").FillAsync(" k-22 ");
        await page.ClickAsync("form.find button[type=submit]");
        Assert.Equal(1, await page.Locator("section.contact").CountAsync());
        Assert.Contains("K-22", await page.TextContentAsync("section.contact h2"));
        await PageChecks.AssertAccessibleAsync(page, "population found");
        await PageChecks.ScreenshotAsync(page, "bureau-07-population-forms-phone");
        await page.GetByLabel("Perceel").SelectOptionAsync("Praktijkassessment");
        await page.Locator("select[name=reason]").First.SelectOptionAsync("delivery-error");
        await page.GetByLabel("Toelichting").First.FillAsync("Perceel volgens de beschikking");
        await page.ClickAsync("button:has-text('Correctie vastleggen')");
        Assert.Contains("De wijziging is vastgelegd", await page.TextContentAsync(".notice"));
        Assert.Contains("perceel Naar werk → Praktijkassessment (fout in de levering): “Perceel volgens de beschikking”", await page.TextContentAsync("section.contact"));

        // An end date in another year is refused on the page, in Dutch, and nothing changes.
        await page.GetByLabel("Einddatum").FillAsync("2027-01-05");
        await page.ClickAsync("button:has-text('Correctie vastleggen')");
        Assert.Contains("ander meetjaar", await page.TextContentAsync(".notice.error"));

        // Withdraw K-33.
        await page.Locator("#find-klantnummer").FillAsync("K-33");
        await page.ClickAsync("form.find button[type=submit]");
        await page.Locator("select[name=reason]").Last.SelectOptionAsync("wrong-company");
        await page.ClickAsync("button:has-text('Dienst intrekken')");
        Assert.Contains("ingetrokken", await page.TextContentAsync("section.contact h2"));
        Assert.Equal(0, await page.Locator("section.contact form").CountAsync()); // a withdrawn service has no forms left
        await page.SetViewportSizeAsync(1280, 900);
        await PageChecks.AssertAccessibleAsync(page, "population withdrawn");
        await PageChecks.ScreenshotAsync(page, "bureau-07-population-desktop");

        var progress = (await stack.Bureau().GetFromJsonAsync<JsonElement>($"/api/companies/{company}/progress?year=2026"))
            .GetProperty("percelen").EnumerateArray().ToDictionary(p => p.GetProperty("perceel").GetString()!, p => p.GetProperty("ended").GetInt32());
        Assert.Equal((1, 1), (progress["Naar werk"], progress["Praktijkassessment"]));
        var audit = await stack.Services.GetRequiredService<IAuditLog>().RecentAsync(500, default);
        Assert.Contains(audit, e => e.Action == AuditActions.ServiceCorrected && e.Actor == bureauEmail && e.Company == company
                                    && e.Detail.Contains("perceel Naar werk → Praktijkassessment"));
        Assert.Contains(audit, e => e.Action == AuditActions.ServiceWithdrawn && e.Actor == bureauEmail && e.Company == company);
        Assert.DoesNotContain(audit, e => e.Company == company && (e.Detail.Contains("K-22") || e.Detail.Contains("beschikking")));
    }

    [Fact]
    public async Task A_company_user_gets_the_404_and_a_form_without_the_token_is_refused()
    {
        var (company, _) = await stack.NewCompanyAsync("popu");
        await stack.DeliverAsync(company, "levering.csv", Exports.Csv(Exports.Row("K-1")));
        using var api = stack.Api();
        var service = (await api.ListServicesAsync(company, 2026)).Json().GetProperty("services")[0].GetProperty("service").GetString()!;
        var fields = new Dictionary<string, string> { ["year"] = "2026", ["service"] = service, ["action"] = "withdraw", ["reason"] = "wrong-company" };

        var companyUser = new PortalClient(stack);
        await PortalClient.AddUserAsync(stack, $"eigen@{company}.example.nl", company);
        await companyUser.SignInAsync($"eigen@{company}.example.nl");
        Assert.Equal(HttpStatusCode.NotFound, (await companyUser.Http.GetAsync($"/portal/bureau/population/{company}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await companyUser.PostFormAsync($"/portal/bureau/population/{company}", fields)).StatusCode);

        var bureau = new PortalClient(stack);
        var bureauEmail = $"populatie-{Guid.NewGuid().ToString("N")[..8]}@bureau.example.nl";
        await PortalClient.AddUserAsync(stack, bureauEmail, null);
        await bureau.SignInAsync(bureauEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await bureau.PostFormAsync($"/portal/bureau/population/{company}", fields)).StatusCode);
        Assert.False((await api.GetServiceAsync(company, 2026, service)).Json().GetProperty("withdrawn").GetBoolean());
    }
}
