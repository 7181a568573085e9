using Azure.Data.Tables;
using Kto.Core.Portal;
using Kto.Core.Progress;
using Kto.Core.Reports;
using Kto.Infrastructure.Storage;

namespace Kto.Functions.Tests.Storage;

/// <summary>The bureau overview's kept figures: every figure the page shows reads back as written, also through Table storage's own types.</summary>
public sealed class OverviewSnapshotRowsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 11, 15, 0, TimeSpan.Zero);

    [Fact]
    public void A_snapshot_reads_back_as_written_with_modes_opdrachtgevers_and_the_last_delivery()
    {
        var snapshot = new OverviewSnapshot("acme", 2026, At, new DeliveryEntry("november.xlsx", At.AddDays(-3), "accepted", 12, 10, 1, 1),
            [new PerceelProgress("Naar werk", 12, 9, 4, 4 / 12.0, 7.25, new ContactAttempts(8, 2, 1), new ResponsesByMode(2, 1, 1), 1.5, 3, 2),
             new PerceelProgress("Werkfit maken", 0, 0, 0, 0, null)],
            new OpdrachtgeverProgress(5, 4, 2, 0.4, 8.0));

        var row = OverviewSnapshotRows.Write(snapshot);
        var read = OverviewSnapshotRows.Read(row);

        Assert.Equal(("2026", "acme"), (row.PartitionKey, row.RowKey));
        Assert.Equal((snapshot.CompanyId, snapshot.Year, snapshot.ComputedAt), (read.CompanyId, read.Year, read.ComputedAt));
        Assert.Equal(snapshot.LastDelivery, read.LastDelivery);
        Assert.Equal(snapshot.Percelen, read.Percelen);
        Assert.Equal(snapshot.Opdrachtgevers, read.Opdrachtgevers);
    }

    [Fact]
    public void A_snapshot_without_deliveries_or_opdrachtgevers_reads_with_nulls_and_no_percelen_column_as_none()
    {
        var read = OverviewSnapshotRows.Read(OverviewSnapshotRows.Write(new OverviewSnapshot("leeg", 2026, At, null, [], null)));
        Assert.Null(read.LastDelivery);
        Assert.Null(read.Opdrachtgevers);
        Assert.Empty(read.Percelen);

        var bare = OverviewSnapshotRows.Read(new TableEntity("2026", "oud") { [OverviewSnapshotRows.ComputedAt] = At });
        Assert.Equal(("oud", At), (bare.CompanyId, bare.ComputedAt));
        Assert.Empty(bare.Percelen);
    }
}
