using System.Text;
using Kto.Core.Deliveries;
using static Kto.Core.Tests.Deliveries.DeliveryFiles;

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

    [Fact]
    public void Columns_far_to_the_right_are_counted_with_their_BSNs()
    {
        // 40 columns, more than the 16 the census starts with. The first data row jumps from column 15 straight to
        // column 32 (twice the 16), the second fills every column, so the census grows at 32 and again at 33;
        // 123456782 passes the 11-proef.
        var first = string.Join(";", Enumerable.Range(0, 40).Select(c => c is < 16 or 32 ? "x" : ""));
        var second = string.Join(";", Enumerable.Range(0, 40).Select(c => c is 16 or 39 ? "123456782" : "x"));
        var file = Encoding.UTF8.GetBytes($"kop\n{first}\n{second}\n");

        var census = new DeliveryCensus();
        using (var source = new CsvSource(new MemoryStream(file), null, ';')) source.CountRows(census, headerRow: 1);

        Assert.Equal(2, census.DataRows);
        Assert.Equal(Enumerable.Range(0, 40), census.FilledColumns);
        Assert.Equal(16, census.BsnColumn(1.0, new HashSet<int>()));
        Assert.Equal(39, census.BsnColumn(1.0, new HashSet<int> { 16 }));
    }

    [Fact]
    public void Counting_stops_at_the_first_row_past_the_cap()
    {
        // A hostile file costs no more than a large one: with a cap of 2 rows, the third tells the file is too long and
        // the other 997 are not read.
        var file = Encoding.UTF8.GetBytes("kop\n" + string.Concat(Enumerable.Repeat("K1;x\n", 1000)));

        var census = new DeliveryCensus(maxRows: 2);
        using (var source = new CsvSource(new MemoryStream(file), null, ';')) source.CountRows(census, headerRow: 1);

        Assert.True(census.TooManyRows);
        Assert.Equal(3, census.DataRows);
    }

    [Fact]
    public void A_column_of_BSNs_holding_nines_refuses_the_file()
    {
        // 192837461 and 192837473 pass the 11-proef (1·9 + 9·8 + 2·7 + 8·6 + 3·5 + 7·4 + 4·3 + 6·2 − 1 = 209 = 19·11,
        // and so on): the census must see nine digits, whatever they are, and refuse the file for its BSN column.
        var parsed = ParseCsv("klantnummer;perceel;einddatum", "192837461;Naar werk;15-03-2025", "192837473;Naar werk;15-03-2025");

        Assert.Equal((DeliveryCodes.BsnColumn, "klantnummer"), (parsed.Inspection.Refusal?.Code, parsed.Inspection.Refusal?.Column));
    }
}
