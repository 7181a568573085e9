using Kto.Core.Deliveries;
using Kto.Core.Fieldwork;
using Kto.Core.Portal;
using Kto.Core.Reports;
using Kto.Core.Survey;

namespace Kto.Core.Forecast;

/// <summary>
/// Reads one company's year through the existing ports (the corrected population, fieldwork state and attempts,
/// responses, the delivery history) and hands it to <see cref="ResponseForecaster"/>. Contact rows are read only for
/// services e-mail cannot reach, only to pick their route, and nothing of them leaves this method.
/// </summary>
public sealed class ForecastService(
    IReportSource source,
    IFieldworkStore fieldwork,
    IResponseStore responses,
    IDeliveryHistory deliveries,
    ResponseForecaster forecaster,
    TimeProvider time) : ICompanyForecasts
{
    public async Task<CompanyForecast> ForYearAsync(string company, int year, CancellationToken cancellationToken) =>
        forecaster.Forecast(await InputAsync(company, year, cancellationToken));

    public async Task<ForecastInput> InputAsync(string company, int year, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var services = await source.ServicesAsync(company, year, cancellationToken).ToListAsync(cancellationToken);
        var received = (await deliveries.ListAsync(company, cancellationToken))
            .Where(d => d.Status != Receipt.Statuses.Refused).Select(d => d.ReceivedAt).ToList();
        if (services.Count == 0) return new ForecastInput(company, year, now, [], received);

        var states = new Dictionary<string, FieldworkCandidate>(StringComparer.Ordinal);
        await foreach (var candidate in fieldwork.CandidatesAsync(company, year, cancellationToken))
            states[candidate.Ref.ServiceId] = candidate;
        var attempts = (await fieldwork.AttemptsAsync(company, year, cancellationToken).ToListAsync(cancellationToken))
            .ToLookup(a => a.Service.ServiceId, StringComparer.Ordinal);
        var answers = new Dictionary<string, StoredResponse>(StringComparer.Ordinal);
        await foreach (var response in responses.ForYearAsync(company, year, cancellationToken))
            if (!answers.TryGetValue(response.Service.ServiceId, out var first) || response.SubmittedAt < first.SubmittedAt)
                answers[response.Service.ServiceId] = response;

        var clients = new List<ForecastClient>(services.Count);
        foreach (var service in services)
        {
            var state = states.GetValueOrDefault(service.ServiceId)?.State
                ?? new ContactState(ServiceStatus.Open, false, false, 0, null, null);
            var answer = answers.GetValueOrDefault(service.ServiceId);
            var route = await RouteAsync(new ServiceRef(company, year, service.ServiceId), state, cancellationToken);
            clients.Add(new ForecastClient(service.ServiceId, service.Perceel, service.Einddatum, route, state,
                attempts[service.ServiceId].ToList(), answer?.SubmittedAt, answer?.Mode, answer?.Answers.Rapportcijfer));
        }
        return new ForecastInput(company, year, now, clients, received);
    }

    private async Task<ForecastRoute> RouteAsync(ServiceRef service, ContactState state, CancellationToken cancellationToken)
    {
        if (state.HasUsableEmail) return ForecastRoute.Email;
        // Answered clients too: their routes make the mix fresh clients are expected to have. Without contact data (retention) no route.
        var contact = await fieldwork.GetContactAsync(service, cancellationToken);
        return contact is null ? ForecastRoute.Unreachable : OfflineRoutes.For(contact) switch
        {
            OfflineRoute.Letter => ForecastRoute.Letter,
            OfflineRoute.Phone => ForecastRoute.Phone,
            _ => ForecastRoute.Unreachable,
        };
    }
}
