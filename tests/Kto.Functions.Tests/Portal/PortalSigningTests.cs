using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kto.Core.Accounts;
using Kto.Functions.Tests.Reports;
using Kto.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Kto.Functions.Tests.Portal;

/// <summary>
/// Signing in the portal (issue 21 item 3, issue 26 item 1): an empty conclusion is refused with the page; the first
/// post only shows the confirmation step; the confirmed post pressed three times at once (a double click, a retry)
/// gives one version, audited once.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed partial class PortalSigningTests(LocalStack stack)
{
    [Fact]
    public async Task The_portal_refuses_an_empty_conclusion_confirms_first_and_signs_once_when_pressed_three_times()
    {
        var year = DateTime.Today.Year;
        var (company, _) = await stack.NewCompanyAsync("dubbel");
        await stack.DeliverAsync(company, "levering.csv", Exports.Csv(Exports.Row("D1", einddatum: DateTime.Today.AddDays(-10).ToString("dd-MM-yyyy"))));
        var email = $"dubbel-{Guid.NewGuid():N}"[..14] + "@bureau.example.nl";
        await PortalClient.AddUserAsync(stack, email, null);
        var portal = new PortalClient(stack);
        await portal.SignInAsync(email);
        await ReportStack.RunReportAsync(stack, company, year);
        var page = await portal.Http.GetStringAsync($"/portal/bureau/reports/{company}?year={year}");
        Dictionary<string, string> Form(string conclusion, string? action) => new()
        {
            ["_csrf"] = PortalClient.FormToken(page), ["year"] = year.ToString(), ["draft"] = DraftId().Match(page).Groups[1].Value,
            ["conclusion"] = conclusion, ["actie"] = action ?? "",
        };

        // Empty (or blank) conclusion: the page again with the message at the field, nothing signed, even when "confirmed".
        foreach (var action in new[] { null, "ondertekenen" })
        {
            var empty = await portal.PostFormAsync($"/portal/bureau/reports/{company}/sign", Form("  ", action));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
            Assert.Contains("Schrijf uw conclusie.", WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()));
        }

        // The first post shows the confirmation step: what is not in order, and nothing signed yet.
        var confirm = await portal.PostFormAsync($"/portal/bureau/reports/{company}/sign", Form("De respons is laag.", null));
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        var confirmPage = WebUtility.HtmlDecode(await confirm.Content.ReadAsStringAsync());
        Assert.Contains($"Rapport {year} definitief ondertekenen?", confirmPage);
        Assert.Contains($"Het jaar {year} is nog niet voorbij", confirmPage);
        Assert.Contains("onder het minimum", confirmPage);
        Assert.Equal(0, await VersionCountAsync(company, year));

        // Confirmed three times at once: every answer lands on the page, one version, one audit line.
        var presses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            portal.PostFormAsync($"/portal/bureau/reports/{company}/sign", Form("De respons is laag.", "ondertekenen"))));
        Assert.All(presses, p => Assert.Equal(HttpStatusCode.SeeOther, p.StatusCode));
        Assert.Equal(1, await VersionCountAsync(company, year));
        var audit = await stack.Services.GetRequiredService<IAuditLog>().RecentAsync(2000, default);
        Assert.Single(audit, e => e.Action == AuditActions.ReportSigned && e.Company == company);
    }

    private async Task<int> VersionCountAsync(string company, int year) =>
        (await stack.Bureau().GetFromJsonAsync<JsonElement>($"/api/reports/{year}/{company}")).GetProperty("versions").GetArrayLength();

    [GeneratedRegex("name=\"draft\" value=\"([^\"]+)\"")]
    private static partial Regex DraftId();
}
