using Kto.Core.Deliveries;
using Kto.Core.Fieldwork;
using Kto.Core.Population;
using Kto.Core.Portal;
using Kto.Core.Reports;
using Kto.Core.Survey;

namespace Kto.Core.Forecast;

/// <summary>
/// Reads one company's year (<see cref="YearPopulation"/>: the corrected services with their fieldwork state, routes,
/// attempts and responses) and its delivery history, and hands them to <see cref="ResponseForecaster"/>. Contact rows
/// are read only for services e-mail cannot reach, only to pick their route (<see cref="PopulationReader"/>).
/// </summary>
public sealed class ForecastService : ICompanyForecasts
{
    private readonly PopulationReader reader;
    private readonly IDeliveryHistory deliveries;
    private readonly ResponseForecaster forecaster;
    private readonly TimeProvider time;

    /// <summary>The hosts' wiring: the population read once (<see cref="PopulationReader"/>).</summary>
    public ForecastService(PopulationReader reader, IDeliveryHistory deliveries, ResponseForecaster forecaster, TimeProvider time)
    {
        this.reader = reader;
        this.deliveries = deliveries;
        this.forecaster = forecaster;
        this.time = time;
    }

    /// <summary>From the older ports (in-memory stores), <paramref name="source"/> already corrected: the services and their states read apart.</summary>
    public ForecastService(IReportSource source, IFieldworkStore fieldwork, IResponseStore responses, IDeliveryHistory deliveries,
        ResponseForecaster forecaster, TimeProvider time)
        : this(new PopulationReader(new PortsPopulationSource(source, fieldwork), corrections: null, fieldwork, responses), deliveries, forecaster, time)
    {
    }

    public async Task<CompanyForecast> ForYearAsync(string company, int year, CancellationToken cancellationToken) =>
        forecaster.Forecast(await InputAsync(company, year, cancellationToken));

    /// <summary>The forecast of a population already read (the overview counts progress from the same read).</summary>
    public async Task<CompanyForecast> ForPopulationAsync(YearPopulation population, CancellationToken cancellationToken) =>
        forecaster.Forecast(Input(population, await ReceivedAsync(population.Company, cancellationToken)));

    public async Task<ForecastInput> InputAsync(string company, int year, CancellationToken cancellationToken)
    {
        var population = await reader.ReadAsync(company, year, cancellationToken);
        return Input(population, await ReceivedAsync(company, cancellationToken));
    }

    private async Task<List<DateTimeOffset>> ReceivedAsync(string company, CancellationToken cancellationToken) =>
        (await deliveries.ListAsync(company, cancellationToken))
            .Where(d => d.Status != Receipt.Statuses.Refused).Select(d => d.ReceivedAt).ToList();

    private ForecastInput Input(YearPopulation population, List<DateTimeOffset> received)
    {
        var now = time.GetUtcNow();
        if (population.Services.Count == 0) return new ForecastInput(population.Company, population.Year, now, [], received);

        var attempts = population.Attempts.ToLookup(a => a.Service.ServiceId, StringComparer.Ordinal);
        var answers = new Dictionary<string, StoredResponse>(StringComparer.Ordinal);
        foreach (var response in population.Responses)
            if (!answers.TryGetValue(response.Service.ServiceId, out var first) || response.SubmittedAt < first.SubmittedAt)
                answers[response.Service.ServiceId] = response;

        var clients = new List<ForecastClient>(population.Services.Count);
        foreach (var service in population.Services)
        {
            var state = population.States.GetValueOrDefault(service.ServiceId)
                ?? new ContactState(ServiceStatus.Open, false, false, 0, null, null);
            var answer = answers.GetValueOrDefault(service.ServiceId);
            clients.Add(new ForecastClient(service.ServiceId, service.Perceel, service.Einddatum, Route(population, service.ServiceId, state), state,
                attempts[service.ServiceId].ToList(), answer?.SubmittedAt, answer?.Mode, answer?.Answers.Rapportcijfer));
        }
        return new ForecastInput(population.Company, population.Year, now, clients, received);
    }

    /// <summary>Answered clients too: their routes make the mix fresh clients are expected to have. Without contact data (retention) no route.</summary>
    private static ForecastRoute Route(YearPopulation population, string serviceId, ContactState state)
    {
        if (state.HasUsableEmail) return ForecastRoute.Email;
        return population.Routes.TryGetValue(serviceId, out var route) ? route switch
        {
            OfflineRoute.Letter => ForecastRoute.Letter,
            OfflineRoute.Phone => ForecastRoute.Phone,
            _ => ForecastRoute.Unreachable,
        } : ForecastRoute.Unreachable;
    }
}
