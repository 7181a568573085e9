using System.Text;
using Kto.Core.Deliveries;

namespace Kto.Core.Tests.Deliveries;

/// <summary>
/// The CSV census reads bytes without a string per cell; it must count exactly what counting the decoded rows
/// counts, also for the cells its fast path hands to the exact check (digits, Unicode spaces, long fields).
/// </summary>
public sealed class DeliveryCensusTests
{
    [Fact]
    public void Csv_census_counts_what_the_decoded_rows_count()
    {
        var nbsp = '\u00A0';
        var lines = new[]
        {
            "klantnummer;bsn-achtig;leeg;lang;naam",
            $"1;111222333;  ;{new string('x', 300)};Sam",
            $"2;111.222.333;\t;{new string(' ', 300)};Zoë",
            $"3;{nbsp}111 222 333{nbsp};{nbsp};{new string('9', 300)};Ünal",
            $"4;123456789;\u2003;{new string(' ', 290)}111222333;{nbsp}",
            "",
            ";;;;",
            $"5;111222333;;;\"Jansen; Piet\"",
        };
        var file = Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");

        var fromBytes = new DeliveryCensus();
        using (var source = new CsvSource(new MemoryStream(file), null, ';')) source.CountRows(fromBytes, headerRow: 1);
        var fromRows = new DeliveryCensus();
        using (var source = new CsvSource(new MemoryStream(file), null, ';'))
        {
            foreach (var row in source.Rows())
                if (row.Number > 1 && !row.IsEmpty) fromRows.Count(row);
        }

        Assert.Equal(5, fromRows.DataRows);
        Assert.Equal(fromRows.DataRows, fromBytes.DataRows);
        Assert.Equal(fromRows.FilledColumns, fromBytes.FilledColumns);
        Assert.Equal([0, 1, 3, 4], fromBytes.FilledColumns);
        foreach (var share in new[] { 0.2, 0.5, 0.8, 1.0 })
            Assert.Equal(fromRows.BsnColumn(share, new HashSet<int>()), fromBytes.BsnColumn(share, new HashSet<int>()));
        // Column 1: four of five are BSNs (123456789 fails the 11-proef); column 3: one of three filled is.
        Assert.Equal(1, fromBytes.BsnColumn(0.8, new HashSet<int>()));
        Assert.Equal(3, fromBytes.BsnColumn(0.3, new HashSet<int> { 1 }));
        Assert.Null(fromBytes.BsnColumn(0.9, new HashSet<int>()));
    }
}
