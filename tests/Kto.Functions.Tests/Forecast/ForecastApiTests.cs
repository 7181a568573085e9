using System.Text;
using System.Text.Json;
using Kto.Core;
using Kto.Core.Fieldwork;
using Kto.Core.Questionnaires;
using Kto.Core.Survey;
using Kto.Functions.Tests.Cli;
using Kto.Functions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Kto.Functions.Tests.Forecast;

/// <summary>
/// Issue 24 on the real stack (Kto.Local + Azurite): <c>GET /api/companies/{company}/forecast</c> with exactly the JSON the
/// issue names, the company's own key only for its own company, and <c>./kto forecast</c> printing the same document.
/// </summary>
[Collection(LocalStackCollection.Name)]
public sealed class ForecastApiTests(LocalStack stack)
{
    // This year (the stack runs on the real clock): its fieldwork is open, so every route still has its approaches ahead.
    private static readonly DateOnly Yesterday = DateOnly.FromDateTime(DutchTime.ToDutch(DateTimeOffset.UtcNow).Date).AddDays(-1);
    private static int Year => Yesterday.Year;

    private async Task<(string Company, string Key)> DeliveredAsync()
    {
        var (company, key) = await stack.NewCompanyAsync("fc");
        var end = Yesterday.ToString("dd-MM-yyyy");
        var csv = string.Join("\n",
            "klantnummer;voornaam;achternaam;email;telefoon;perceel;einddatum;adres;postcode;woonplaats",
            $"e1;Eva;Mail;e1@{company}.test;;Naar werk;{end};;;",
            $"e2;Eef;Mail;e2@{company}.test;;Naar werk;{end};;;",
            $"l1;Bep;Brief;;;Naar werk;{end};Dorpsstraat 1;1234 AB;Utrecht",
            $"t1;Tom;Telefoon;;0612345678;Naar werk;{end};;;") + "\n";
        Assert.Equal(4, (await stack.DeliverAsync(company, "levering.csv", Encoding.UTF8.GetBytes(csv))).GetProperty("accepted").GetInt32());

        // e1 answers online (no mail was sent: the answer counts for e-mail).
        var fieldwork = stack.Services.GetRequiredService<IFieldworkStore>();
        ServiceRef? e1 = null;
        await foreach (var c in fieldwork.CandidatesAsync(company, Year, CancellationToken.None))
            if ((await fieldwork.GetContactAsync(c.Ref, CancellationToken.None))!.Klantnummer == "e1") e1 = c.Ref;
        var questionnaire = stack.Services.GetRequiredService<QuestionnaireCatalog>().Current;
        var answers = new Answers(questionnaire.Version, new Dictionary<string, AnswerValue> { [Questionnaire.RapportcijferId] = new(8) });
        Assert.True(await stack.Services.GetRequiredService<IResponseStore>()
            .TryAddAsync(new StoredResponse(e1!.Value, Perceel.NaarWerk, answers, DateTimeOffset.UtcNow.AddMinutes(-5)), CancellationToken.None));
        Assert.True(await stack.Services.GetRequiredService<ISurveyServiceStore>().MarkRespondedAsync(e1.Value, 8, CancellationToken.None));
        return (company, key);
    }

    [Fact]
    public async Task The_forecast_names_every_perceel_with_the_issues_fields_and_actions_that_link_to_their_pages()
    {
        var (company, key) = await DeliveredAsync();

        var response = await stack.Api(key).GetForecastAsync(company, Year);
        Assert.Equal(200, response.Status);
        var json = response.Json();
        Assert.Equal(["company", "year", "percelen"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal((company, Year), (json.GetProperty("company").GetString(), json.GetProperty("year").GetInt32()));
        var percelen = json.GetProperty("percelen").EnumerateArray().ToList();
        Assert.Equal(["Werkfit maken", "Naar werk", "Praktijkassessment", "Modulaire Re-integratiediensten"],
            percelen.Select(p => p.GetProperty("perceel").GetString()));

        var naarWerk = percelen[1];
        Assert.Equal(["perceel", "ended", "responded", "responseRate", "minimum", "projectedResponseRate", "projectedRange", "atRisk", "actions"],
            naarWerk.EnumerateObject().Select(p => p.Name));
        Assert.Equal((4, 1, 0.25, 0.3), (naarWerk.GetProperty("ended").GetInt32(), naarWerk.GetProperty("responded").GetInt32(),
            naarWerk.GetProperty("responseRate").GetDouble(), naarWerk.GetProperty("minimum").GetDouble()));
        var projected = naarWerk.GetProperty("projectedResponseRate").GetDouble();
        var range = naarWerk.GetProperty("projectedRange").EnumerateArray().Select(r => r.GetDouble()).ToList();
        Assert.Equal(2, range.Count);
        // e1 has answered and three clients each still have every approach ahead: more than today's 25 %.
        Assert.True(range[0] <= projected && projected <= range[1] && projected > 0.25, $"{range[0]} ≤ {projected} ≤ {range[1]}");
        // Four services, none more to come: under the exemption threshold (5), so never at risk on response, whatever the
        // low end; the one grade (8) is above 7.
        Assert.Equal(JsonValueKind.False, naarWerk.GetProperty("atRisk").ValueKind);

        // One approach per client: e2's invitation, l1's first letter, a call to t1; ranked by expected responses.
        var actions = naarWerk.GetProperty("actions").EnumerateArray().ToList();
        Assert.All(actions, a => Assert.Equal(["action", "clients", "expectedResponses", "link"], a.EnumerateObject().Select(p => p.Name)));
        var byText = actions.ToDictionary(a => a.GetProperty("action").GetString()!);
        Assert.Equal(3, byText.Count);
        Assert.Equal((1, $"/portal/bureau/fieldwork?year={Year}"), (byText["Stuur de uitnodiging aan 1 klant"].GetProperty("clients").GetInt32(), byText["Stuur de uitnodiging aan 1 klant"].GetProperty("link").GetString()));
        Assert.Equal($"/portal/bureau/fieldwork/{company}/letters?year={Year}", byText["Verstuur een brief aan 1 klant zonder e-mail"].GetProperty("link").GetString());
        Assert.Equal($"/portal/bureau/calls/{company}?year={Year}", byText["Bel 1 klant die alleen telefonisch bereikbaar is"].GetProperty("link").GetString());
        var expected = actions.Select(a => a.GetProperty("expectedResponses").GetDouble()).ToList();
        Assert.Equal(expected.OrderDescending(), expected);
        Assert.All(expected, e => Assert.InRange(e, 0.01, 1));

        // A perceel without services: nothing projected.
        Assert.Equal(JsonValueKind.Null, percelen[0].GetProperty("projectedRange").ValueKind);
        Assert.False(percelen[0].GetProperty("atRisk").GetBoolean());
    }

    [Fact]
    public async Task A_company_key_sees_only_its_own_forecast_and_the_bureau_sees_every_one()
    {
        var (company, _) = await DeliveredAsync();
        var (_, otherKey) = await stack.NewCompanyAsync("fo");

        Assert.Equal(403, (await stack.Api(otherKey).GetForecastAsync(company, Year)).Status);
        Assert.Equal(401, (await stack.Api("nonsense").GetForecastAsync(company, Year)).Status);
        var bureau = await stack.Api().GetForecastAsync(company, Year);
        Assert.Equal(200, bureau.Status);
        Assert.Equal(400, (await stack.Api().GetForecastAsync(company, 20260)).Status);
    }

    [Fact]
    public async Task Kto_forecast_prints_the_apis_document()
    {
        var (company, _) = await DeliveredAsync();

        var cli = await KtoCli.RunAsync(stack, "forecast", company, "--year", Year.ToString());

        Assert.Equal(0, cli.Exit);
        var printed = JsonDocument.Parse(cli.Stdout).RootElement;
        var api = (await stack.Api().GetForecastAsync(company, Year)).Json();
        Assert.Equal(api.GetRawText(), printed.GetRawText());
        Assert.Contains("\"projectedRange\"", cli.Stdout);
    }
}
