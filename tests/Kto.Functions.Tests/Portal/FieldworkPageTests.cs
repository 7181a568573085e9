using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Kto.Core.Accounts;
using Kto.Core.Fieldwork;
using Kto.Functions.Tests.Browser;
using Kto.Functions.Tests.Letters;
using Kto.Functions.Tests.Support;
using Kto.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kto.Functions.Tests.Portal;

/// <summary>
/// The bureau's fieldwork page in Chromium: one list of the clients without e-mail with their full address, one form
/// to record a letter or call for the chosen client (no outcome chosen in advance), no personal link made by opening
/// the page, a call that counts as approached and is audited, and a double submit recorded once.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class FieldworkPageTests(LocalStack stack) : IAsyncLifetime
{
    private readonly Chromium chromium = new();

    public Task InitializeAsync() => chromium.InitializeAsync();

    public Task DisposeAsync() => chromium.DisposeAsync();

    private static byte[] Export(DateTime end) => Encoding.UTF8.GetBytes(string.Join("\n",
        LetterBatchTests.Header,
        $"F1;P.J.;van der;Berg;;;Kerkstraat 12;1234 AB;Utrecht;Naar werk;{end:dd-MM-yyyy}",
        $"F2;B.;;Bel;;0687654321;;;;Werkfit maken;{end:dd-MM-yyyy}",
        $"F3;C.;;Post;;0611111111;Laan 3;4321 BA;Zwolle;Naar werk;{end:dd-MM-yyyy}",
        $"F4;D.;;Mail;d@example.nl;;Laan 4;4321 BA;Zwolle;Naar werk;{end:dd-MM-yyyy}") + "\n");

    [Fact]
    public async Task One_list_one_form_no_preselected_outcome_the_full_address_and_no_link_made_by_opening_the_page()
    {
        var (company, _) = await stack.NewCompanyAsync("veld");
        var end = DateTime.Today.AddDays(-10);
        await stack.DeliverAsync(company, "zonder-mail.csv", Export(end));
        var bureauEmail = $"veldwerk-{Guid.NewGuid().ToString("N")[..8]}@bureau.example.nl";
        await PortalClient.AddUserAsync(stack, bureauEmail, null);
        var page = await (await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 320, Height = 740 }, Locale = "nl-NL", BypassCSP = true,
        })).NewPageAsync();
        await page.GotoAsync(await PortalClient.LinkAsync(stack, bureauEmail));
        await page.ClickAsync("button[type=submit]");

        var tokensBefore = await TokenRowsAsync(company);
        await page.GotoAsync($"{stack.BaseUrl}/portal/bureau/fieldwork/{company}?year={end.Year}");
        await page.ReloadAsync();
        Assert.Equal(tokensBefore, await TokenRowsAsync(company)); // opening the page made no link
        Assert.DoesNotContain("/s?t=", await page.ContentAsync());

        var action = $"/portal/bureau/fieldwork/{company}";
        Assert.Equal(1, await page.Locator($"form[action='{action}']").CountAsync());
        Assert.Equal(3, await page.Locator("ul.contacts > li").CountAsync()); // the client with e-mail is not on it
        Assert.Equal("", await page.Locator("#attempt").InputValueAsync()); // nothing chosen for the user
        var list = await page.TextContentAsync("ul.contacts");
        Assert.Contains("Kerkstraat 12, 1234 AB Utrecht", list);
        Assert.Contains("Laan 3, 4321 BA Zwolle", list);
        await page.SetViewportSizeAsync(390, 844);
        await PageChecks.ScreenshotAsync(page, "fieldwork-06-list-390");
        await page.SetViewportSizeAsync(320, 740);
        await PageChecks.CheckPhoneAndDesktopAsync(page, "fieldwork-06-list");

        // Submitting without choosing what happened records nothing: the browser asks, and so does the server.
        await page.GetByLabel("B. Bel").CheckAsync();
        await page.ClickAsync("form.record-attempt button[type=submit]");
        Assert.Equal("", await page.Locator("#attempt").InputValueAsync());
        Assert.Empty(await AttemptsAsync(company, end.Year));

        await page.GetByLabel("Wat is er gebeurd?").SelectOptionAsync("phone:reached");
        await page.ClickAsync("form.record-attempt button[type=submit]");
        Assert.Contains("De poging is vastgelegd", await page.TextContentAsync(".notice"));
        await page.SetViewportSizeAsync(1280, 900);
        await PageChecks.AssertAccessibleAsync(page, "fieldwork recorded");
        await PageChecks.ScreenshotAsync(page, "fieldwork-06-recorded-1280");

        var recorded = Assert.Single(await AttemptsAsync(company, end.Year));
        Assert.Equal((ContactMode.Phone, AttemptOutcome.Reached), (recorded.Mode, recorded.Outcome));
        var progress = await stack.Bureau().GetFromJsonAsync<JsonElement>($"/api/companies/{company}/progress?year={end.Year}");
        var werkfit = progress.GetProperty("percelen").EnumerateArray().Single(p => p.GetProperty("perceel").GetString() == "Werkfit maken");
        Assert.Equal(1, werkfit.GetProperty("approached").GetInt32());
        var audit = await stack.Services.GetRequiredService<IAuditLog>().RecentAsync(500, default);
        Assert.Contains(audit, e => e.Action == AuditActions.AttemptRecorded && e.Actor == bureauEmail && e.Company == company && e.Detail.StartsWith("Gebeld: bereikt"));

        var portal = new PortalClient(stack);
        await portal.SignInAsync(bureauEmail);
        var html = await portal.Http.GetStringAsync($"{action}?year={end.Year}");
        var missing = await portal.PostFormAsync(action, new() { ["_csrf"] = PortalClient.FormToken(html), ["year"] = end.Year.ToString(), ["service"] = recorded.Service.ServiceId });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        Assert.Contains("Kies wat er is gebeurd.", await missing.Content.ReadAsStringAsync());

        // A company user cannot open it, not even for their own company.
        var companyUser = new PortalClient(stack);
        await PortalClient.AddUserAsync(stack, $"eigen@{company}.example.nl", company);
        await companyUser.SignInAsync($"eigen@{company}.example.nl");
        Assert.Equal(HttpStatusCode.NotFound, (await companyUser.Http.GetAsync($"/portal/bureau/fieldwork/{company}")).StatusCode);
    }

    [Fact]
    public async Task A_letter_recorded_by_a_double_click_or_a_resent_form_is_recorded_and_audited_once()
    {
        var (company, _) = await stack.NewCompanyAsync("dubbel");
        var end = DateTime.Today.AddDays(-10);
        await stack.DeliverAsync(company, "zonder-mail.csv", Export(end));
        var bureauEmail = $"dubbel-{Guid.NewGuid().ToString("N")[..8]}@bureau.example.nl";
        await PortalClient.AddUserAsync(stack, bureauEmail, null);
        var portal = new PortalClient(stack);
        await portal.SignInAsync(bureauEmail);
        var action = $"/portal/bureau/fieldwork/{company}";
        var html = await portal.Http.GetStringAsync($"{action}?year={end.Year}");
        var service = Regex.Match(html, "name=\"service\" id=\"client-1\" value=\"([^\"]+)\"").Groups[1].Value;
        var step = Regex.Match(html, $"name=\"step-{Regex.Escape(service)}\" value=\"(\\d+)\"").Groups[1].Value;
        Dictionary<string, string> Form() => new()
        {
            ["_csrf"] = PortalClient.FormToken(html), ["year"] = end.Year.ToString(), ["service"] = service, [$"step-{service}"] = step, ["attempt"] = "letter:sent",
        };

        // Three at once (a double click), then the same form once more after they were stored (a reload).
        var start = new TaskCompletionSource();
        var posts = Enumerable.Range(0, 3).Select(_ => Task.Run(async () => { await start.Task; return await portal.PostFormAsync(action, Form()); })).ToList();
        start.SetResult();
        Assert.All(await Task.WhenAll(posts), r => Assert.Equal(HttpStatusCode.SeeOther, r.StatusCode));
        Assert.Equal(HttpStatusCode.SeeOther, (await portal.PostFormAsync(action, Form())).StatusCode);

        var letters = (await AttemptsAsync(company, end.Year)).Where(a => a.Service.ServiceId == service).ToList();
        Assert.Single(letters);
        var audit = await stack.Services.GetRequiredService<IAuditLog>().RecentAsync(1000, default);
        Assert.Single(audit, e => e.Action == AuditActions.AttemptRecorded && e.Company == company);
    }

    private async Task<List<ContactAttempt>> AttemptsAsync(string company, int year)
    {
        var list = new List<ContactAttempt>();
        await foreach (var a in stack.Services.GetRequiredService<IFieldworkStore>().AttemptsAsync(company, year, default)) list.Add(a);
        return list;
    }

    /// <summary>Personal links and codes of the company's clients (token rows carry the company).</summary>
    private async Task<int> TokenRowsAsync(string company)
    {
        var table = new TableClient(stack.StorageConnectionString, StorageNames.TokensTable);
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>($"{TokenRows.Company} eq '{company}'", select: ["RowKey"])) count++;
        return count;
    }
}
