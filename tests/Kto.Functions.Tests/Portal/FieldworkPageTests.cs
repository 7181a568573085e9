using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kto.Core.Accounts;
using Kto.Functions.Tests.Browser;
using Kto.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kto.Functions.Tests.Portal;

/// <summary>The bureau's fieldwork page: the client without e-mail is listed, a call is recorded, counts as approached and is audited.</summary>
[Collection(LocalStackCollection.Name)]
public sealed class FieldworkPageTests(LocalStack stack) : IAsyncLifetime
{
    private readonly Chromium chromium = new();

    public Task InitializeAsync() => chromium.InitializeAsync();

    public Task DisposeAsync() => chromium.DisposeAsync();

    [Fact]
    public async Task A_bureau_user_records_a_call_for_a_client_without_email_and_it_counts_as_approached()
    {
        var (company, _) = await stack.NewCompanyAsync("veld");
        var end = DateTime.Today.AddDays(-10);
        await stack.DeliverAsync(company, "zonder-mail.csv", Exports.Csv(Exports.Row("F1", einddatum: end.ToString("dd-MM-yyyy"), email: "")));
        var bureauEmail = $"veldwerk-{Guid.NewGuid().ToString("N")[..8]}@bureau.example.nl";
        await PortalClient.AddUserAsync(stack, bureauEmail, null);
        var page = await (await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 320, Height = 740 }, Locale = "nl-NL", BypassCSP = true,
        })).NewPageAsync();
        await page.GotoAsync(await PortalClient.LinkAsync(stack, bureauEmail));
        await page.ClickAsync("button[type=submit]");

        await page.GotoAsync($"{stack.BaseUrl}/portal/bureau/fieldwork/{company}?year={end.Year}");
        Assert.Contains("Sam Jansen", await page.TextContentAsync("section.contact h2"));
        Assert.Contains("geen e-mailadres", await page.TextContentAsync("section.contact"));
        await PageChecks.AssertAccessibleAsync(page, "fieldwork");
        await PageChecks.ScreenshotAsync(page, "bureau-05-fieldwork-phone");
        await page.GetByLabel("Wat is er gebeurd?").SelectOptionAsync("phone:reached");
        await page.ClickAsync("section.contact button[type=submit]");

        Assert.Contains("De poging is vastgelegd", await page.TextContentAsync(".notice"));
        await page.SetViewportSizeAsync(1280, 900);
        await PageChecks.AssertAccessibleAsync(page, "fieldwork recorded");
        await PageChecks.ScreenshotAsync(page, "bureau-05-fieldwork-desktop");
        var progress = await stack.Bureau().GetFromJsonAsync<JsonElement>($"/api/companies/{company}/progress?year={end.Year}");
        var naarWerk = progress.GetProperty("percelen").EnumerateArray().Single(p => p.GetProperty("perceel").GetString() == "Naar werk");
        Assert.Equal(1, naarWerk.GetProperty("approached").GetInt32());
        var audit = await stack.Services.GetRequiredService<IAuditLog>().RecentAsync(500, default);
        Assert.Contains(audit, e => e.Action == AuditActions.AttemptRecorded && e.Actor == bureauEmail && e.Company == company && e.Detail.StartsWith("Gebeld: bereikt"));

        // A company user cannot open it, not even for their own company.
        var companyUser = new PortalClient(stack);
        await PortalClient.AddUserAsync(stack, $"eigen@{company}.example.nl", company);
        await companyUser.SignInAsync($"eigen@{company}.example.nl");
        Assert.Equal(HttpStatusCode.NotFound, (await companyUser.Http.GetAsync($"/portal/bureau/fieldwork/{company}")).StatusCode);
    }
}
