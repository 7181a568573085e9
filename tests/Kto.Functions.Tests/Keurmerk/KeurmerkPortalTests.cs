using System.Net;
using System.Text.Json;
using Kto.Functions.Tests.Portal;
using Kto.Functions.Tests.Support;

namespace Kto.Functions.Tests.Keurmerk;

/// <summary>A company user uploads its opdrachtgever list in the portal, sees opdrachtgever response on the progress page and downloads the Keurmerk report.</summary>
[Collection(LocalStackCollection.Name)]
public sealed class KeurmerkPortalTests(LocalStack stack)
{
    [Fact]
    public async Task The_portal_upload_takes_an_opdrachtgever_list_progress_shows_it_and_only_that_company_downloads_its_keurmerk_files()
    {
        var (company, _) = await stack.NewCompanyAsync("pk");
        var email = $"gebruiker@{company}.example.nl";
        await PortalClient.AddUserAsync(stack, email, company);
        var client = new PortalClient(stack);
        await client.SignInAsync(email);

        var token = PortalClient.FormToken(await client.Http.GetStringAsync($"/portal/companies/{company}"));
        var upload = new MultipartFormDataContent
        {
            { new StringContent(token), "_csrf" },
            { new ByteArrayContent(KeurmerkTests.OpdrachtgeverList("UWV;Anna;anna@pk.test;;4", "Gemeente;Piet;piet@pk.test;;2")), "bestand", "opdrachtgevers.csv" },
        };
        Assert.Equal(HttpStatusCode.SeeOther, (await client.Http.PostAsync($"/portal/companies/{company}/deliveries", upload)).StatusCode);
        var receipt = await stack.WaitForReceiptAsync(company, "opdrachtgevers.csv");
        Assert.Equal(("opdrachtgevers", 2), (receipt.GetProperty("kind").GetString(), receipt.GetProperty("accepted").GetInt32()));

        var progress = await client.Http.GetStringAsync($"/portal/companies/{company}/progress?year={Invitations.Year}");
        Assert.Contains("Opdrachtgevers (Blik op Werk)", progress);
        // The cells carry a data-label for the stacked table on a phone.
        Assert.Matches(@"<th scope=""row"">Opdrachtgevers</th>\s*<td class=""num"" data-label=""Aangeleverd"">2</td>", progress);

        var json = await client.Http.GetAsync($"/portal/companies/{company}/keurmerk/{Invitations.Year}/keurmerk.json");
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        var report = JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((2, 6), (report.GetProperty("opdrachtgevers").GetProperty("opdrachtgevers").GetInt32(), report.GetProperty("opdrachtgevers").GetProperty("trajecten").GetInt32()));
        Assert.Equal("application/pdf", (await client.Http.GetAsync($"/portal/companies/{company}/keurmerk/{Invitations.Year}/keurmerk.pdf")).Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/portal/companies/{company}/keurmerk/{Invitations.Year}/report.json")).StatusCode);

        // The bureau's overview shows the opdrachtgevers beside the percelen.
        await PortalClient.AddUserAsync(stack, $"bureau@{company}.example.nl", null);
        var bureau = new PortalClient(stack);
        await bureau.SignInAsync($"bureau@{company}.example.nl");
        var overview = await bureau.Http.GetStringAsync($"/portal/bureau?year={Invitations.Year}");
        // The overview is a card per company; this company's card has an opdrachtgevers row in its figures table.
        var card = overview[overview.IndexOf($"id=\"company-{company}\"", StringComparison.Ordinal)..];
        card = card[..card.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Matches(@"<th scope=""row"">Opdrachtgevers \(Blik op Werk\)</th>\s*<td class=""num"" data-label=""Aangeleverd"">2</td>\s*<td class=""num"" data-label=""Benaderd"">0</td>", card);

        var (other, _) = await stack.NewCompanyAsync("po");
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/portal/companies/{other}/keurmerk/{Invitations.Year}/keurmerk.json")).StatusCode);
    }
}
