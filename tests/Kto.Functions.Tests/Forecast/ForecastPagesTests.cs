using System.Text;
using Kto.Core;
using Kto.Functions.Tests.Portal;
using Kto.Functions.Tests.Support;

namespace Kto.Functions.Tests.Forecast;

/// <summary>
/// Issue 24 on the pages: the company's progress page says the projected range in plain Dutch, and the bureau overview
/// flags a perceel at risk with the same range as the API.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class ForecastPagesTests(LocalStack stack)
{
    private static readonly DateOnly Yesterday = DateOnly.FromDateTime(DutchTime.ToDutch(DateTimeOffset.UtcNow).Date).AddDays(-1);

    [Fact]
    public async Task A_perceel_nobody_can_reach_is_at_risk_on_the_progress_page_and_the_bureau_overview()
    {
        var (company, _) = await stack.NewCompanyAsync("fp");
        var end = Yesterday.ToString("dd-MM-yyyy");
        // Six Werkfit clients without e-mail, address or phone (no route: 0 % expected, six ≥ the exemption threshold) and
        // two Naar werk clients by e-mail (fewer than 5: exemption possible, never at risk for response).
        var rows = Enumerable.Range(1, 6).Select(i => $"w{i};Wim;Weg;;;Werkfit maken;{end};;;")
            .Concat([$"n1;Nel;Mail;n1@{company}.test;;Naar werk;{end};;;", $"n2;Nol;Mail;n2@{company}.test;;Naar werk;{end};;;"]);
        var csv = string.Join("\n", ["klantnummer;voornaam;achternaam;email;telefoon;perceel;einddatum;adres;postcode;woonplaats", .. rows]) + "\n";
        Assert.Equal(8, (await stack.DeliverAsync(company, "levering.csv", Encoding.UTF8.GetBytes(csv))).GetProperty("accepted").GetInt32());

        var api = (await stack.Api().GetForecastAsync(company, Yesterday.Year)).Json();
        var werkfit = api.GetProperty("percelen").EnumerateArray().Single(p => p.GetProperty("perceel").GetString() == "Werkfit maken");
        Assert.True(werkfit.GetProperty("atRisk").GetBoolean());
        Assert.Equal([0.0, 0.0], werkfit.GetProperty("projectedRange").EnumerateArray().Select(r => r.GetDouble()));

        var bureau = new PortalClient(stack);
        var email = $"fp-{Guid.NewGuid().ToString("N")[..8]}@bureau.example.nl";
        await PortalClient.AddUserAsync(stack, email, null);
        await bureau.SignInAsync(email);

        var progress = await bureau.Http.GetStringAsync($"/portal/companies/{company}/progress?year={Yesterday.Year}");
        Assert.Contains("Werkfit maken: verwachte respons 0–0 %, minimum 30 % <strong class=\"status-bad\">risico</strong>", progress);
        Assert.Matches(@"Naar werk: verwachte respons \d+–\d+ %, minimum 30 %</li>", progress);

        var english = await bureau.Http.GetStringAsync($"/portal/companies/{company}/progress?year={Yesterday.Year}&lang=en");
        Assert.Contains("Werkfit maken: expected response 0–0 %, minimum 30 % <strong class=\"status-bad\">at risk</strong>", english);
        await bureau.Http.GetStringAsync($"/portal/companies/{company}/progress?year={Yesterday.Year}&lang=nl");

        if (Yesterday.Year == DutchTime.ToDutch(DateTimeOffset.UtcNow).Year)
        {
            var overview = await bureau.Http.GetStringAsync("/portal/bureau");
            var start = overview.IndexOf($"/portal/companies/{company}\"", StringComparison.Ordinal);
            var row = overview[start..overview.IndexOf("</section>", start, StringComparison.Ordinal)];
            Assert.Contains("Werkfit maken: risico, verwachte respons 0–0 %", row);
            Assert.DoesNotContain("Naar werk: risico", row);
        }
    }

    [Fact]
    public async Task A_perceel_whose_grade_is_the_risk_says_so_beside_its_response_range()
    {
        // Both clients answered, with a 5: the response is no risk, the mean grade is (below 7).
        var invited = await Invitations.InviteAsync(stack, "laag1", "laag2");
        var client = new SurveyClient(stack);
        foreach (var token in invited.Tokens.Values)
            Assert.Equal(System.Net.HttpStatusCode.OK, (await client.AnswerAsync(token, SurveyClient.ValidAnswers(5))).Status);

        var bureau = new PortalClient(stack);
        var email = $"fg-{Guid.NewGuid().ToString("N")[..8]}@bureau.example.nl";
        await PortalClient.AddUserAsync(stack, email, null);
        await bureau.SignInAsync(email);

        var progress = await bureau.Http.GetStringAsync($"/portal/companies/{invited.Company}/progress?year={Invitations.Year}");
        Assert.Matches(@"Naar werk: verwachte respons \d+–\d+ %, minimum 30 % <strong class=""status-bad"">risico: gemiddeld cijfer onder 7,0</strong>", progress);
        var english = await bureau.Http.GetStringAsync($"/portal/companies/{invited.Company}/progress?year={Invitations.Year}&lang=en");
        Assert.Contains("at risk: mean grade below 7.0</strong>", english);
        await bureau.Http.GetStringAsync($"/portal/companies/{invited.Company}/progress?year={Invitations.Year}&lang=nl");
    }
}
