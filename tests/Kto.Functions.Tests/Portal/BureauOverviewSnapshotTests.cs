using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Kto.Functions.Tests.Support;
using Kto.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Kto.Functions.Tests.Portal;

/// <summary>
/// The bureau overview reads kept per-company figures (table <c>overviewsnapshots</c>): a delivery drops the
/// delivering company's so the next view counts it afresh; other changes show after "Nu bijwerken" (or the timer),
/// which needs the form's anti-forgery token and counts in a Durable run while the page follows it (a meta refresh,
/// then "bijgewerkt (klaar om HH:mm)"); the page says how old the figures are.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed partial class BureauOverviewSnapshotTests(LocalStack stack)
{
    [Fact]
    public async Task A_delivery_shows_at_once_other_changes_after_Nu_bijwerken_and_a_forged_refresh_is_refused()
    {
        var year = DateTime.Today.Year;
        var ended = DateTime.Today.AddDays(-10);
        var (company, _) = await stack.NewCompanyAsync("snap");
        await stack.DeliverAsync(company, "eerste.csv", Exports.Csv(Exports.Row("S1", einddatum: ended.ToString("dd-MM-yyyy"))));
        var bureau = new PortalClient(stack);
        var email = $"cijfers-{Guid.NewGuid().ToString("N")[..8]}@bureau.example.nl";
        await PortalClient.AddUserAsync(stack, email, null);
        await bureau.SignInAsync(email);

        var first = await bureau.Http.GetStringAsync("/portal/bureau");
        Assert.Contains("Naar werk 1 0 ", CompanyRow(first, company));
        Assert.Matches(@"Cijfers van (\d{1,2} \S+ \d{4} )?\d{2}:\d{2}", WebUtility.HtmlDecode(first));
        var kept = await stack.Services.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.OverviewSnapshotsTable)
            .GetEntityIfExistsAsync<TableEntity>(year.ToString(), company);
        Assert.True(kept.HasValue, "the first view keeps the company's figures");

        // A second delivery drops the kept figures: the next view counts them afresh.
        await stack.DeliverAsync(company, "tweede.csv", Exports.Csv(
            Exports.Row("S2", einddatum: ended.ToString("dd-MM-yyyy")), Exports.Row("S3", einddatum: ended.ToString("dd-MM-yyyy"))));
        var afterDelivery = await bureau.Http.GetStringAsync("/portal/bureau");
        Assert.Contains("Naar werk 3 0 ", CompanyRow(afterDelivery, company));

        // A recorded call is not a delivery: the page keeps showing the kept figures until they are refreshed.
        var service = await StoredServices.StoreAsync(stack, company, "S4", DateOnly.FromDateTime(ended));
        var call = await stack.Bureau().PostAsJsonAsync($"/api/companies/{company}/attempts", new { year, service, mode = "phone", outcome = "no-answer" });
        Assert.Equal(HttpStatusCode.Created, call.StatusCode);
        var stale = await bureau.Http.GetStringAsync("/portal/bureau");
        Assert.Contains("Naar werk 3 0 ", CompanyRow(stale, company));

        // "Nu bijwerken" without the form's token is refused and changes nothing; with it, 303 back to fresh figures.
        var forged = await bureau.PostFormAsync("/portal/bureau/refresh", new() { ["_csrf"] = "vervalst" });
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains("Naar werk 3 0 ", CompanyRow(await bureau.Http.GetStringAsync("/portal/bureau"), company));

        var refreshed = await bureau.PostFormAsync("/portal/bureau/refresh", new() { ["_csrf"] = PortalClient.FormToken(stale) });
        Assert.Equal(HttpStatusCode.SeeOther, refreshed.StatusCode);
        Assert.Equal("/portal/bureau?bijgewerkt=1", refreshed.Headers.Location?.OriginalString);
        // The count runs in the background: the page says so and refreshes itself until the run is done, then says when.
        var fresh = await bureau.Http.GetStringAsync("/portal/bureau?bijgewerkt=1");
        for (var tries = 0; fresh.Contains("Bezig met bijwerken") && tries < 600; tries++)
        {
            Assert.Contains("data-refresh-after=\"3\"", fresh);
            Assert.DoesNotContain(">Nu bijwerken</button>", fresh);
            await Task.Delay(200);
            fresh = await bureau.Http.GetStringAsync("/portal/bureau?bijgewerkt=1");
        }
        Assert.Matches(@"De cijfers van alle bedrijven zijn bijgewerkt \(klaar om (\d{1,2} \S+ \d{4} )?\d{2}:\d{2}\)\.", WebUtility.HtmlDecode(fresh));
        Assert.DoesNotContain("data-refresh-after", fresh);
        Assert.Contains("Naar werk 4 1 ", CompanyRow(fresh, company));

        // Pressed twice at once: both answer at once with the overview, and the figures end the same.
        var twice = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => bureau.PostFormAsync("/portal/bureau/refresh", new() { ["_csrf"] = PortalClient.FormToken(fresh) })));
        Assert.All(twice, r => Assert.Equal(HttpStatusCode.SeeOther, r.StatusCode));
    }

    /// <summary>The block of one company on the overview (its figures table and actions), tags removed.</summary>
    private static string CompanyRow(string html, string company)
    {
        var row = Regex.Match(html, $@"<section class=""company-card""[^>]*>\s*<h2[^>]*><a href=""/portal/companies/{company}"">.*?</section>", RegexOptions.Singleline);
        Assert.True(row.Success, $"the overview has a block for {company}");
        return Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(row.Value, " ")), " ");
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
