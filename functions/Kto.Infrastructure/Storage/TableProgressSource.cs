using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Kto.Core;
using Kto.Core.Progress;

namespace Kto.Infrastructure.Storage;

/// <summary>Reads service states for the progress figures, only the columns they need.</summary>
public sealed class TableProgressSource(TableServiceClient tables) : IProgressSource
{
    private readonly TableClient services = tables.GetTableClient(StorageNames.ServicesTable);

    public async IAsyncEnumerable<ServiceState> ServicesAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = $"PartitionKey eq {TableKeys.Quote(TableKeys.CompanyYear(company, year))}";
        string[] columns = [ServiceColumns.Perceel, ServiceColumns.Approached, ServiceColumns.Responded, ServiceColumns.Grade, ServiceColumns.Einddatum];
        await foreach (var e in services.QueryAsync<TableEntity>(filter, select: columns, cancellationToken: cancellationToken))
        {
            if (!Enum.TryParse<Perceel>(e.GetString(ServiceColumns.Perceel), out var perceel)) continue;
            yield return new ServiceState(perceel,
                e.GetBoolean(ServiceColumns.Approached) ?? false,
                e.GetBoolean(ServiceColumns.Responded) ?? false,
                e.GetInt32(ServiceColumns.Grade),
                DateOnly.TryParseExact(e.GetString(ServiceColumns.Einddatum), "yyyy-MM-dd", out var end) ? end.Month : null);
        }
    }
}
