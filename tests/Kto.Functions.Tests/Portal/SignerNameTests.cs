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
/// Issue 13: the signed report names the signed-in person who signed. A user added with a name (<c>./kto user add
/// … --name</c>, the users page) signs with that name: in the signature block, the PDF signature, the version and
/// /verify; the audit log keeps the address as the actor.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed partial class SignerNameTests(LocalStack stack)
{
    [Fact]
    public async Task A_user_with_a_name_signs_the_report_with_that_name()
    {
        var year = DateTime.Today.Year;
        var (company, _) = await stack.NewCompanyAsync("naam");
        await stack.DeliverAsync(company, "levering.csv", Exports.Csv(Exports.Row("N1", einddatum: DateTime.Today.AddDays(-10).ToString("dd-MM-yyyy"))));
        var email = $"wit-{Guid.NewGuid():N}"[..12] + "@bureau.example.nl";
        var name = $"Dr. J. de Wit {Guid.NewGuid():N}"[..22];
        var added = await stack.Bureau().PostAsJsonAsync("/api/users", new { email, role = "bureau", name });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(name, (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString());

        var portal = new PortalClient(stack);
        await portal.SignInAsync(email);
        await ReportStack.RunReportAsync(stack, company, year);
        var page = await portal.Http.GetStringAsync($"/portal/bureau/reports/{company}?year={year}");
        Assert.Contains($"Ondertekenen als {name}", page);
        var signed = await portal.PostFormAsync($"/portal/bureau/reports/{company}/sign", new()
        {
            ["_csrf"] = PortalClient.FormToken(page), ["year"] = year.ToString(), ["draft"] = DraftId().Match(page).Groups[1].Value, ["conclusion"] = "Goed.",
            ["actie"] = "ondertekenen",
        });
        Assert.Equal(HttpStatusCode.SeeOther, signed.StatusCode);

        var status = await stack.Bureau().GetFromJsonAsync<JsonElement>($"/api/reports/{year}/{company}");
        Assert.Equal(name, status.GetProperty("versions")[0].GetProperty("signedBy").GetString());
        var pdf = await ReportStack.DownloadAsync(stack.Bureau(), company, "report.pdf", "1", year);
        Assert.Contains(name, ReportStack.PdfText(pdf));
        Assert.DoesNotContain(email, ReportStack.PdfText(pdf));
        Assert.Contains("Signature Validation: Signature is Valid.", Pdfsig.Check(pdf));
        var audit = await stack.Services.GetRequiredService<IAuditLog>().RecentAsync(1000, default);
        Assert.Contains(audit, e => e.Action == AuditActions.ReportSigned && e.Company == company && e.Actor == email && e.Detail.Contains($"ondertekend door {name}"));
    }

    [GeneratedRegex("name=\"draft\" value=\"([^\"]+)\"")]
    private static partial Regex DraftId();
}
