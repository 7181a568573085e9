using Kto.Core.Deliveries;
using Kto.Core.Operations;

namespace Kto.Infrastructure.Storage;

/// <summary>Failed entries of the deliveries ledger (one small row per delivered file), filtered on the service side.</summary>
public sealed class TableFailedDeliveries(TableServiceClient tables) : IFailedDeliveries
{
    private readonly TableClient deliveries = tables.GetTableClient(StorageNames.DeliveriesTable);

    public async Task<IReadOnlyList<DeliveryRecord>> SinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        // Column names written out (DeliveryRows.Status, .CompletedAt): CreateQueryFilter would quote an interpolated name as a value.
        var filter = TableClient.CreateQueryFilter($"Status eq {DeliveryStatus.Failed} and CompletedAt ge {since}");
        var failed = new List<DeliveryRecord>();
        await foreach (var e in deliveries.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            failed.Add(DeliveryRows.Read(e));
        return failed;
    }
}
