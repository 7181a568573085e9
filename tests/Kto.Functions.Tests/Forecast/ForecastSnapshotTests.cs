using Azure.Data.Tables;
using Kto.Core.Forecast;
using Kto.Core.Portal;
using Kto.Infrastructure.Storage;

namespace Kto.Functions.Tests.Forecast;

/// <summary>The bureau overview keeps each perceel's projected range and risk with its figures; a row kept before the forecast reads without one.</summary>
public sealed class ForecastSnapshotTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 11, 15, 0, TimeSpan.Zero);

    [Fact]
    public void The_forecast_reads_back_as_written_and_an_older_row_has_none()
    {
        var snapshot = new OverviewSnapshot("acme", 2026, At, null, [], null,
            [new ForecastSummary("Naar werk", 0.2412, 0.3088, true), new ForecastSummary("Werkfit maken", 0.4, 0.5, false)]);

        var row = OverviewSnapshotRows.Write(snapshot);
        var read = OverviewSnapshotRows.Read(row);

        Assert.Equal(snapshot.Forecast, read.Forecast);
        Assert.Equal("24–31 %", read.Forecast![0].RangeText);
        Assert.DoesNotContain("rangeText", row.GetString(OverviewSnapshotRows.Forecast), StringComparison.OrdinalIgnoreCase);
        Assert.Null(OverviewSnapshotRows.Read(new TableEntity("2026", "oud") { [OverviewSnapshotRows.ComputedAt] = At }).Forecast);
    }
}
