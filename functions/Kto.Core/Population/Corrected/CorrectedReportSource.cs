using System.Runtime.CompilerServices;
using Kto.Core.Reports;

namespace Kto.Core.Population;

/// <summary>
/// The population as progress and the report count it: the delivered services with the bureau's corrections applied
/// (<see cref="PopulationCorrections"/>): withdrawn ones left out, corrected perceel and end date in place.
/// </summary>
public sealed class CorrectedReportSource(IReportSource inner, ICorrectionStore corrections) : IReportSource
{
    public async IAsyncEnumerable<ReportServiceRow> ServicesAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var byService = await PopulationCorrections.ByServiceAsync(corrections, company, year, cancellationToken);
        await foreach (var service in inner.ServicesAsync(company, year, cancellationToken))
        {
            if (!byService.TryGetValue(service.ServiceId, out var list)) { yield return service; continue; }
            var corrected = PopulationCorrections.Apply(service.Perceel, service.Einddatum, list);
            if (!corrected.Withdrawn) yield return service with { Perceel = corrected.Perceel, Einddatum = corrected.Einddatum };
        }
    }
}
