using System.Runtime.CompilerServices;
using Kto.Core.Reports;

namespace Kto.Infrastructure.Storage;

/// <summary>Reads the services of one company and year for the report: only perceel, end date and reason; never contact data.</summary>
public sealed class TableReportSource(TableServiceClient tables) : IReportSource
{
    private readonly TableClient services = tables.GetTableClient(StorageNames.ServicesTable);

    public async IAsyncEnumerable<ReportServiceRow> ServicesAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var (_, service) in ReadAsync(services, company, year, ServiceRows.ReportColumns, cancellationToken))
            yield return service;
    }

    /// <summary>
    /// The services of a company and year as the report counts them, each with the row it was read from. A row without
    /// a perceel or end date is not a service ingest wrote: it is in no perceel's population.
    /// </summary>
    internal static async IAsyncEnumerable<(ServiceRow Row, ReportServiceRow Service)> ReadAsync(TableClient services, string company, int year,
        IEnumerable<string> select, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = $"PartitionKey eq {TableKeys.Quote(TableKeys.CompanyYear(company, year))}";
        await foreach (var e in services.QueryAsync<TableEntity>(filter, select: select, cancellationToken: cancellationToken))
        {
            if (ServiceRows.Read(e) is { Perceel: { } perceel, Einddatum: { } einddatum } row)
                yield return (row, new ReportServiceRow(row.Id, perceel, einddatum, row.RedenBeeindiging));
        }
    }
}
