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
        var filter = $"PartitionKey eq {TableKeys.Quote(TableKeys.CompanyYear(company, year))}";
        await foreach (var e in services.QueryAsync<TableEntity>(filter, select: ServiceRows.PopulationColumns, cancellationToken: cancellationToken))
        {
            // As the report source: a row without a perceel or end date is in no perceel's population.
            if (ServiceRows.Read(e) is { Perceel: { } perceel, Einddatum: { } einddatum } row)
                yield return new PopulationRow(new ReportServiceRow(row.Id, perceel, einddatum, row.RedenBeeindiging), ServiceRows.StateOf(row));
        }
    }
}
