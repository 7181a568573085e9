using Kto.Core.Portal;

namespace Kto.Infrastructure.Storage;

/// <summary>The bureau overview's kept figures in Table storage: a view reads one partition (the year), one row a company.</summary>
public sealed class TableOverviewSnapshots(TableServiceClient tables) : IOverviewSnapshots
{
    private readonly TableClient table = tables.GetTableClient(StorageNames.OverviewSnapshotsTable);

    public async Task<IReadOnlyList<OverviewSnapshot>> ForYearAsync(int year, CancellationToken cancellationToken)
    {
        var list = new List<OverviewSnapshot>();
        var filter = $"PartitionKey eq {TableKeys.Quote(OverviewSnapshotRows.Partition(year))}";
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            list.Add(OverviewSnapshotRows.Read(e));
        return list;
    }

    public Task SaveAsync(OverviewSnapshot snapshot, CancellationToken cancellationToken) =>
        table.UpsertEntityAsync(OverviewSnapshotRows.Write(snapshot), TableUpdateMode.Replace, cancellationToken);

    public Task RemoveAsync(string companyId, int year, CancellationToken cancellationToken) =>
        // DeleteEntity answers a missing row with success too.
        table.DeleteEntityAsync(OverviewSnapshotRows.Partition(year), companyId, cancellationToken: cancellationToken);
}
