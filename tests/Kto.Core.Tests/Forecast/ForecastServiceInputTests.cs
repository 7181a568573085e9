using Kto.Core.Fieldwork;
using Kto.Core.Forecast;
using Kto.Core.Population;
using Kto.Core.Questionnaires;
using Kto.Core.Reports;
using Kto.Core.Settings;
using Kto.Core.Survey;
using Kto.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

using static Kto.Core.Tests.Forecast.ForecastFixtures;

namespace Kto.Core.Tests.Forecast;

/// <summary>How the forecast reads a year's population: services without a stored state, and services answered twice.</summary>
public sealed class ForecastServiceInputTests
{
    private static ForecastService Service(InMemoryForecastSources data) =>
        new(data, data, data, data, new ResponseForecaster(new ForecastSettings(), new ReportSettings(), new FieldworkSettings()), new FakeTimeProvider(Now));

    private static StoredResponse Response(string id, DateTimeOffset at, int grade) =>
        new(new ServiceRef("acme", 2026, id), Perceel.NaarWerk, new Answers(new QuestionnaireCatalog(new QuestionnaireSettings()).Current.Version,
            new Dictionary<string, AnswerValue> { [Questionnaire.RapportcijferId] = new(grade) }), at, ResponseMode.Web);

    private static YearPopulation Population(IReadOnlyDictionary<string, ContactState> states, IReadOnlyDictionary<string, OfflineRoute> routes,
        IReadOnlyList<StoredResponse> responses, params string[] ids) =>
        new("acme", 2026, ids.Select(id => new ReportServiceRow(id, Perceel.NaarWerk, new DateOnly(2026, 8, 20), null)).ToList(),
            states, routes, [], [], responses);

    [Fact]
    public async Task A_service_without_a_stored_state_is_open_and_not_reachable_by_email()
    {
        // No state stored (nothing sent yet); its contact row gives the letter route: a first letter is due, no invitation.
        var data = new InMemoryForecastSources();
        data.Delivered(Day(9, 5));
        var forecast = await Service(data).ForPopulationAsync(
            Population(new Dictionary<string, ContactState>(), new Dictionary<string, OfflineRoute> { ["s1"] = OfflineRoute.Letter }, [], "s1"), default);

        var naarWerk = forecast.Percelen.Single(p => p.Perceel == Perceel.NaarWerk);
        var action = Assert.Single(naarWerk.Actions);
        Assert.Equal((ForecastActionKind.PostLetters, 1), (action.Kind, action.Clients));
    }

    [Fact]
    public async Task A_service_answered_twice_counts_its_first_answer()
    {
        // Stored in this order: the later answer (grade 9, 20 September) before the first (grade 6, 10 September).
        var data = new InMemoryForecastSources();
        data.Delivered(Day(9, 5));
        var states = new Dictionary<string, ContactState> { ["s1"] = new(ServiceStatus.Responded, true, false, 1, Day(9, 6), null) };
        var forecast = await Service(data).ForPopulationAsync(
            Population(states, new Dictionary<string, OfflineRoute>(), [Response("s1", Day(9, 20), 9), Response("s1", Day(9, 10), 6)], "s1"), default);

        var naarWerk = forecast.Percelen.Single(p => p.Perceel == Perceel.NaarWerk);
        Assert.Equal((1, 1, 6.0), (naarWerk.Ended, naarWerk.Responded, naarWerk.MeanGrade));
    }
}
