using System.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Kto.Bench.Support;
using Kto.Core.Deliveries;
using Kto.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Kto.Bench.Scenarios;

/// <summary>
/// Scenario 2: a 100,000-row delivery end to end through the real <see cref="DeliveryIngestService"/> with the
/// real Table/Blob adapters into Azurite, from the blob trigger's start (the blob is uploaded beforehand, untimed)
/// until the receipt is written; against a raw insert of the same entities (one service row and one contact row
/// per service, as <see cref="ServiceRows"/> and <see cref="ContactRows"/> builds them) with <c>SubmitTransactionAsync</c> in batches of 100.
/// Best of <see cref="Runs"/> for each, alternating, on empty tables each time.
/// </summary>
public sealed class IngestScenario : AzuriteScenario
{
    public const int Rows = 100_000;
    private const int Runs = 2;
    private const string FileName = "levering-bench.csv";

    public override string Name => "ingest";

    protected override async Task<ScenarioResult> RunAsync(AzuriteServer azurite, CancellationToken cancellationToken)
    {
        await using var services = await KtoServices.StartAsync(azurite.ConnectionString);
        var ingest = services.GetRequiredService<DeliveryIngestService>();
        var blobs = services.GetRequiredService<BlobServiceClient>();
        var tables = services.GetRequiredService<TableServiceClient>();
        var file = ExportFile.Csv(Rows);

        // The baseline's entities: the same services the pipeline stores (parsed once, untimed).
        var parser = services.GetRequiredService<DeliveryParser>();
        var received = DateTimeOffset.UtcNow;
        List<NewService> expected;
        using (var stream = new MemoryStream(file, writable: false))
        {
            var inspection = parser.Inspect(stream, FileName);
            expected = parser.ReadRows(stream, FileName, inspection, DateOnly.FromDateTime(DateTime.UtcNow))
                .Where(r => r.Service is not null)
                .Select(r => new NewService(r.Service!.Key.Id(), r.Service, "bench-raw", received)).ToList();
        }

        var notes = new List<string>();
        var ingestTimes = new List<double>();
        var rawTimes = new List<double>();
        long ingestAllocated = 0, rawAllocated = 0;
        for (var run = 1; run <= Runs; run++)
        {
            var company = $"bench-ingest-{run}";
            var blob = blobs.GetBlobContainerClient(StorageNames.DeliveriesContainer).GetBlobClient($"{company}/{FileName}");
            await blob.UploadAsync(new BinaryData(file), overwrite: true, cancellationToken);

            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            var content = await BlobDeliveryContent.OpenAsync(blob, cancellationToken) ?? throw new InvalidOperationException("blob gone");
            var receipt = await ingest.IngestAsync(company, FileName, content, cancellationToken);
            clock.Stop();
            if (receipt.Accepted != expected.Count)
                throw new InvalidOperationException($"ingest accepted {receipt.Accepted}, expected {expected.Count} ({receipt.Status})");
            ingestTimes.Add(clock.Elapsed.TotalSeconds);
            ingestAllocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            await EmptyAsync(tables, cancellationToken);

            allocated = GC.GetTotalAllocatedBytes(precise: true);
            clock.Restart();
            await RawInsertAsync(tables, company, expected, cancellationToken);
            clock.Stop();
            rawAllocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            rawTimes.Add(clock.Elapsed.TotalSeconds);
            await EmptyAsync(tables, cancellationToken);
            Console.WriteLine($"ingest run {run}: pipeline {ingestTimes[^1]:F1} s, raw insert {rawTimes[^1]:F1} s");
        }

        var rate = Rows / ingestTimes.Min();
        var baseline = expected.Count / rawTimes.Min();
        var ratio = rate / baseline;
        notes.Add($"File: {Rows:N0} rows ({file.Length / 1e6:F1} MB), {expected.Count:N0} accepted services = {2 * expected.Count:N0} table rows. Best of {Runs}, alternating, tables emptied between runs.");
        notes.Add($"Pipeline (download, hash, inspect, parse, dedupe, 2 transactions per 100 services, receipt) per run: {string.Join(", ", ingestTimes.Select(t => $"{t:F1} s"))}.");
        notes.Add($"Raw insert (SubmitTransactionAsync, 100 per batch, contacts then services) per run: {string.Join(", ", rawTimes.Select(t => $"{t:F1} s"))}.");
        notes.Add($"Allocated in this process per run (last run): pipeline {ingestAllocated / 1e9:F2} GB, raw insert {rawAllocated / 1e9:F2} GB.");
        return new ScenarioResult(Name,
        [
            new Figure("ingest 100,000 rows into Azurite", rate, "rows/s", "raw batch insert", baseline, ratio, "≥ 0.5", ratio >= 0.5),
        ], notes);
    }

    private static async Task RawInsertAsync(TableServiceClient tables, string company, List<NewService> services, CancellationToken cancellationToken)
    {
        var contactsTable = tables.GetTableClient(StorageNames.ContactsTable);
        var servicesTable = tables.GetTableClient(StorageNames.ServicesTable);
        foreach (var year in services.GroupBy(s => s.Service.Year))
        {
            var partition = TableKeys.CompanyYear(company, year.Key);
            foreach (var chunk in year.Chunk(100))
            {
                await contactsTable.SubmitTransactionAsync(
                    chunk.Select(s => new TableTransactionAction(TableTransactionActionType.Add, ContactRows.New(partition, s))), cancellationToken);
                await servicesTable.SubmitTransactionAsync(
                    chunk.Select(s => new TableTransactionAction(TableTransactionActionType.Add, ServiceRows.New(partition, s))), cancellationToken);
            }
        }
    }

    /// <summary>Drops and recreates the services and contacts tables, so each run starts empty and Azurite's memory is freed.</summary>
    private static async Task EmptyAsync(TableServiceClient tables, CancellationToken cancellationToken)
    {
        foreach (var table in new[] { StorageNames.ServicesTable, StorageNames.ContactsTable })
        {
            await tables.DeleteTableAsync(table, cancellationToken);
            await tables.CreateTableIfNotExistsAsync(table, cancellationToken);
        }
    }
}
