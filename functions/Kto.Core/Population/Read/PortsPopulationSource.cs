using System.Runtime.CompilerServices;
using Kto.Core.Fieldwork;
using Kto.Core.Reports;

namespace Kto.Core.Population;

/// <summary>
/// An <see cref="IPopulationSource"/> made of the two older ports, where only those are at hand (in-memory stores):
/// the services from <see cref="IReportSource"/>, their states from <see cref="IFieldworkStore.CandidatesAsync"/>, so
/// two reads. The Table adapter reads the services partition once for both.
/// </summary>
public sealed class PortsPopulationSource(IReportSource services, IFieldworkStore fieldwork) : IPopulationSource
{
    public async IAsyncEnumerable<PopulationRow> ServicesAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = await services.ServicesAsync(company, year, cancellationToken).ToListAsync(cancellationToken);
        if (rows.Count == 0) yield break;
        var states = new Dictionary<string, ContactState>(StringComparer.Ordinal);
        await foreach (var candidate in fieldwork.CandidatesAsync(company, year, cancellationToken)) states[candidate.Ref.ServiceId] = candidate.State;
        foreach (var row in rows) yield return new PopulationRow(row, states.GetValueOrDefault(row.ServiceId));
    }
}
