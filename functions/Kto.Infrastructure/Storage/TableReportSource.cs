using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Kto.Core;
using Kto.Core.Reports;

namespace Kto.Infrastructure.Storage;

/// <summary>Reads the services of one company and year for the report: only perceel, end date and reason; never contact data.</summary>
public sealed class TableReportSource(TableServiceClient tables) : IReportSource
{
    private readonly TableClient services = tables.GetTableClient(StorageNames.ServicesTable);

    public async IAsyncEnumerable<ReportServiceRow> ServicesAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = $"PartitionKey eq {TableKeys.Quote(TableKeys.CompanyYear(company, year))}";
        string[] columns = ["RowKey", ServiceColumns.Perceel, ServiceColumns.Einddatum, ServiceColumns.RedenBeeindiging];
        await foreach (var e in services.QueryAsync<TableEntity>(filter, select: columns, cancellationToken: cancellationToken))
            yield return new ReportServiceRow(e.RowKey, Enum.Parse<Perceel>(e.GetString(ServiceColumns.Perceel)),
                DateOnly.Parse(e.GetString(ServiceColumns.Einddatum), System.Globalization.CultureInfo.InvariantCulture),
                e.GetString(ServiceColumns.RedenBeeindiging));
    }
}
