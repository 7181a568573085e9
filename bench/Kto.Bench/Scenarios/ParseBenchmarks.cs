using BenchmarkDotNet.Attributes;
using CsvHelper;
using Kto.Bench.Support;
using Kto.Core.Deliveries;
using Kto.Core.Settings;

namespace Kto.Bench.Scenarios;

/// <summary>
/// The production parser (refusal check, then validated rows) against a plain CsvHelper read of the same
/// 100,000-row file from memory: every field of every record read as a string, nothing else.
/// </summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    public const int Rows = 100_000;
    private byte[] file = [];

    /// <summary>Keeps the read strings observable, so nothing is optimised away.</summary>
    public static int Checksum { get; private set; }
    private readonly DeliveryParser parser = new(new DeliverySettings());
    private readonly DateOnly today = DateOnly.FromDateTime(DateTime.UtcNow);

    [GlobalSetup]
    public void Setup() => file = ExportFile.Csv(Rows);

    [Benchmark(Baseline = true)]
    public int PlainCsvHelperRead()
    {
        using var stream = new MemoryStream(file, writable: false);
        using var reader = CsvReader.Create(stream, new CsvReaderOptions { Separator = ';', HasHeader = false, Mode = CsvMode.Rfc4180 });
        var rows = 0;
        var length = 0;
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++) length += reader.GetString(i).Length;
            rows++;
        }
        Checksum = length;
        return rows - 1; // data rows (the header is not one)
    }

    /// <summary>The first pass alone (sniff, header, census for the BSN-column refusal): the part no row can skip.</summary>
    [Benchmark]
    public int InspectOnly()
    {
        using var stream = new MemoryStream(file, writable: false);
        return parser.Inspect(stream, "export.csv").DataRows;
    }

    [Benchmark]
    public int ParseAndValidate()
    {
        using var stream = new MemoryStream(file, writable: false);
        var inspection = parser.Inspect(stream, "export.csv");
        if (inspection.Refusal is not null) throw new InvalidOperationException("refused: " + inspection.Refusal.Code);
        var rows = 0;
        foreach (var row in parser.ReadRows(stream, "export.csv", inspection, today))
            if (row.Service is not null) rows++;
        return rows;
    }
}
