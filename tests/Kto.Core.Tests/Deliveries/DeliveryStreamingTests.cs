using Kto.TestSupport;
using System.Text;
using static Kto.Core.Tests.Deliveries.DeliveryFiles;

namespace Kto.Core.Tests.Deliveries;

/// <summary>Large deliveries are read row by row, never all at once.</summary>
public sealed class DeliveryStreamingTests : IDisposable
{
    private const int RowCount = 100_000;
    private readonly string _path = TestTemp.File($"kto-levering-{Guid.NewGuid():N}.csv");

    public DeliveryStreamingTests()
    {
        using var writer = new StreamWriter(_path, false, new UTF8Encoding(false));
        writer.WriteLine(Header);
        for (var i = 1; i <= RowCount; i++)
            writer.WriteLine(Row(klantnummer: $"K{i}", email: $"klant{i}@example.nl"));
    }

    [Fact]
    public void A_file_of_100000_rows_is_inspected_and_read_in_full()
    {
        using var content = File.OpenRead(_path);
        var parser = Parser();
        var inspection = parser.Inspect(content, "levering.csv");
        Assert.Null(inspection.Refusal);
        Assert.Equal(RowCount, inspection.DataRows);

        var count = 0;
        var lastRow = 0;
        foreach (var row in parser.ReadRows(content, "levering.csv", inspection, Today))
        {
            Assert.NotNull(row.Service);
            count++;
            lastRow = row.Row;
        }
        Assert.Equal(RowCount, count);
        Assert.Equal(RowCount + 1, lastRow);
    }

    [Fact]
    public void The_first_row_arrives_before_the_file_has_been_read()
    {
        using var content = File.OpenRead(_path);
        var parser = Parser();
        var inspection = parser.Inspect(content, "levering.csv");
        using var rows = parser.ReadRows(content, "levering.csv", inspection, Today).GetEnumerator();
        Assert.True(rows.MoveNext());
        Assert.Equal("K1", rows.Current.Service?.Klantnummer);
        // Streaming: only a buffer's worth of the file has been consumed for the first row.
        Assert.True(content.Position < content.Length / 10, $"read {content.Position} of {content.Length} bytes");
    }

    public void Dispose() => File.Delete(_path);
}
