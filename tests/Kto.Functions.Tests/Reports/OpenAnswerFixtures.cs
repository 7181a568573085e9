using System.Text;
using Kto.Core;
using Kto.Core.Deliveries;
using Kto.Core.Questionnaires;
using Kto.Core.Survey;
using Kto.Functions.Tests.Support;
using Kto.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Kto.Functions.Tests.Reports;

/// <summary>Delivers services with names through the real upload and stores answers with open texts, for the appendix tests.</summary>
public static class OpenAnswerFixtures
{
    public sealed record Client(string Klantnummer, string Voornaam, string Achternaam, Perceel Perceel, DateOnly Einddatum);

    public static async Task DeliverAsync(LocalStack stack, string company, IEnumerable<Client> clients, string file = "levering.csv")
    {
        var rows = clients.Select(c =>
            $"{c.Klantnummer};{c.Voornaam};{c.Achternaam};klant-{c.Klantnummer.ToLowerInvariant()}-{c.Einddatum:MMdd}@example.test;" +
            $"{PerceelNames.DisplayName(c.Perceel)};{c.Einddatum:dd-MM-yyyy}").ToList();
        var csv = "klantnummer;voornaam;achternaam;email;perceel;einddatum\n" + string.Join("\n", rows) + "\n";
        var receipt = await stack.DeliverAsync(company, file, Encoding.UTF8.GetBytes(csv));
        Assert.Equal(rows.Count, receipt.GetProperty("accepted").GetInt32());
    }

    public static ServiceRef RefOf(string company, Client client) =>
        new(company, client.Einddatum.Year, new ServiceKey(client.Klantnummer, client.Perceel, client.Einddatum).Id());

    /// <summary>Stores a submitted questionnaire for the client's service: the grade and the two open answers.</summary>
    public static async Task AnswerAsync(LocalStack stack, string company, Client client, int grade, string? goed = null, string? beter = null)
    {
        var questionnaire = stack.Services.GetRequiredService<QuestionnaireCatalog>().Current;
        var values = new Dictionary<string, AnswerValue> { [Questionnaire.RapportcijferId] = new(grade) };
        if (goed is not null) values["open-goed"] = new(Text: goed);
        if (beter is not null) values["open-beter"] = new(Text: beter);
        var service = RefOf(company, client);
        Assert.True(await stack.Services.GetRequiredService<IResponseStore>().TryAddAsync(
            new StoredResponse(service, client.Perceel, new Answers(questionnaire.Version, values), ReportStack.Tuesday), CancellationToken.None));
    }

    /// <summary>The corpus as delivered clients: each planted answer from its writer's klantnummer and name, alternating two percelen.</summary>
    public static IReadOnlyList<(Client Client, string Text, string[] Secrets)> PlantedCorpus() =>
        OpenAnswerCorpus.PlantedAnswers.Select((a, i) =>
        {
            var writer = OpenAnswerCorpus.Clients[a.Writer];
            var client = new Client(writer.Klantnummer, writer.Voornaam, writer.Achternaam, i % 2 == 0 ? Perceel.NaarWerk : Perceel.WerkfitMaken,
                new DateOnly(2026, 1, 1).AddDays(i * 3));
            return (client, a.Text, a.Secrets);
        }).ToList();

    public static IReadOnlyList<(Client Client, string Text)> OrdinaryCorpus() =>
        OpenAnswerCorpus.OrdinaryAnswers.Select((text, i) =>
            (new Client($"ORD{i:000}X", "Xander", "Qwerty", i % 2 == 0 ? Perceel.NaarWerk : Perceel.WerkfitMaken, new DateOnly(2026, 2, 1).AddDays(i)), text))
        .ToList();
}
