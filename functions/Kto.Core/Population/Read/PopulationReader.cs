using Kto.Core.Fieldwork;
using Kto.Core.Reports;
using Kto.Core.Survey;

namespace Kto.Core.Population;

/// <summary>
/// Reads one company's year once for every counter of it (<see cref="YearPopulation"/>): the services partition, the
/// corrections, the attempts and the responses one read each, and the contact rows of the services e-mail cannot
/// reach in one batch (only to pick their route; nothing of them leaves this class). The corrections are applied here
/// by the one rule (<see cref="PopulationCorrections"/>), so the readers need no decorators that each read them again.
/// </summary>
/// <remarks><paramref name="corrections"/> null: the source gives the services with the corrections applied already.</remarks>
public sealed class PopulationReader(IPopulationSource source, ICorrectionStore? corrections, IFieldworkStore fieldwork, IResponseStore responses)
{
    public async Task<YearPopulation> ReadAsync(string company, int year, CancellationToken cancellationToken)
    {
        var changes = corrections is null ? [] : await corrections.ForYearAsync(company, year, cancellationToken).ToListAsync(cancellationToken);
        var byService = PopulationCorrections.ByService(changes);
        var services = new List<ReportServiceRow>();
        var states = new Dictionary<string, ContactState>(StringComparer.Ordinal);
        await foreach (var (service, state) in source.ServicesAsync(company, year, cancellationToken))
        {
            var row = service;
            if (byService.TryGetValue(service.ServiceId, out var list))
            {
                var corrected = PopulationCorrections.Apply(service.Perceel, service.Einddatum, list);
                if (corrected.Withdrawn) continue;
                row = service with { Perceel = corrected.Perceel, Einddatum = corrected.Einddatum };
            }
            services.Add(row);
            if (state is not null) states[row.ServiceId] = state;
        }
        // Nothing delivered (or all withdrawn): nothing to count, so the other partitions are not read.
        if (services.Count == 0) return new YearPopulation(company, year, services, states, new Dictionary<string, OfflineRoute>(), changes, [], []);

        var attempts = await fieldwork.AttemptsToCountAsync(company, year, cancellationToken).ToListAsync(cancellationToken);
        var answers = await responses.ForYearAsync(company, year, cancellationToken).ToListAsync(cancellationToken);
        return new YearPopulation(company, year, services, states, await RoutesAsync(company, year, states, cancellationToken), changes, attempts, answers);
    }

    private async Task<IReadOnlyDictionary<string, OfflineRoute>> RoutesAsync(string company, int year, Dictionary<string, ContactState> states,
        CancellationToken cancellationToken)
    {
        var offline = states.Where(s => !s.Value.HasUsableEmail).Select(s => new ServiceRef(company, year, s.Key)).ToList();
        if (offline.Count == 0) return new Dictionary<string, OfflineRoute>();
        var contacts = await fieldwork.GetContactsAsync(offline, cancellationToken);
        return contacts.ToDictionary(c => c.Key.ServiceId, c => OfflineRoutes.For(c.Value), StringComparer.Ordinal);
    }
}
