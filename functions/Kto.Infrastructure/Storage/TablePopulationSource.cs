using System.Runtime.CompilerServices;
using Kto.Core.Population;
using Kto.Core.Reports;

namespace Kto.Infrastructure.Storage;

/// <summary>
/// The services of one company and year for <see cref="PopulationReader"/>, one query for what the report and the
/// contact rules need (<see cref="ServiceRows.PopulationColumns"/>); never contact data.
/// </summary>
public sealed class TablePopulationSource(TableServiceClient tables) : IPopulationSource
{
    private readonly TableClient services = tables.GetTableClient(StorageNames.ServicesTable);

    public async IAsyncEnumerable<PopulationRow> ServicesAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // As the report source (the same services), with each one's state from the same row.
        await foreach (var (row, service) in TableReportSource.ReadAsync(services, company, year, ServiceRows.PopulationColumns, cancellationToken))
            yield return new PopulationRow(service, ServiceRows.StateOf(row));
    }
}
