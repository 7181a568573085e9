using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Kto.Bench.Support;
using Kto.Core.Backup;
using Kto.Core.Companies;
using Kto.Core.Questionnaires;
using Kto.Infrastructure.Backup;
using Kto.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Kto.Bench.Scenarios;

/// <summary>
/// Scenario 9 (issue 23): a year of <see cref="Companies"/> companies × <see cref="ReportScenario.ServicesPerCompany"/>
/// services (seeded as the report scenario seeds it: services, attempts, responses) backed up with
/// <see cref="BackupService"/> to a folder and restored with <see cref="RestoreService"/> into a second, fresh Azurite;
/// time and size against a raw copy of the same tables (a plain TableServiceClient reading every entity and writing it
/// as JSON to one file per table, the blobs as files). <c>KTO_BENCH_BACKUP_COMPANIES</c> runs a smaller year (the
/// default is the issue's full size).
/// </summary>
public sealed class BackupScenario : AzuriteScenario, IScenario
{
    public const int Companies = ReportScenario.Companies;

    public override string Name => "backup";

    /// <summary>Seeding, a raw copy, a backup and a restore of ~400,000 rows each take minutes on Azurite.</summary>
    public TimeSpan Limit => TimeSpan.FromMinutes(30);

    private static int CompanyCount =>
        int.TryParse(Environment.GetEnvironmentVariable("KTO_BENCH_BACKUP_COMPANIES"), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : Companies;

    protected override async Task<ScenarioResult> RunAsync(AzuriteServer azurite, CancellationToken cancellationToken)
    {
        var companies = CompanyCount;
        var year = DateTime.UtcNow.Year - 1;
        var work = Directory.CreateTempSubdirectory("kto-bench-backup-");
        try
        {
            var notes = new List<string>();
            // Seeding: the production services (company registration) and the report scenario's fixture.
            TimeSpan seedTime;
            Dictionary<string, int> seeded;
            await using (var services = await KtoServices.StartAsync(azurite.ConnectionString))
            {
                var questionnaire = services.GetRequiredService<QuestionnaireCatalog>().Current;
                var fixture = new ReportFixture(year, ReportScenario.ServicesPerCompany, ReportScenario.RespondedPerCompany, questionnaire);
                var clock = Stopwatch.StartNew();
                await fixture.SeedAsync(services.GetRequiredService<CompanyService>(), services.GetRequiredService<TableServiceClient>(), companies, cancellationToken);
                seedTime = clock.Elapsed;
                seeded = new Dictionary<string, int>(fixture.Written);
            }
            Console.WriteLine($"backup: seeded {seeded.Values.Sum():N0} rows in {seedTime.TotalSeconds:F1} s");

            // 1. The baseline: a raw copy of every table and container the backup reads.
            var rawFolder = Path.Combine(work.FullName, "raw");
            var clockRaw = Stopwatch.StartNew();
            var raw = await RawCopyAsync(azurite.ConnectionString, rawFolder, cancellationToken);
            clockRaw.Stop();
            Console.WriteLine($"backup: raw copy {raw.Rows:N0} rows, {raw.Bytes:N0} bytes in {clockRaw.Elapsed.TotalSeconds:F1} s");

            // 2. The backup use case to a folder, as ./kto backup runs it (without keys: the bench has none; sealing
            // them is one PBKDF2 of 600,000 iterations, well under a second).
            var snapshotFolder = Path.Combine(work.FullName, "snapshot");
            var source = new StackStorage(new BlobServiceClient(azurite.ConnectionString), new TableServiceClient(azurite.ConnectionString));
            var clockBackup = Stopwatch.StartNew();
            var manifest = await new BackupService(source, TimeProvider.System)
                .WriteAsync(new BackupRequest(new FolderSnapshot(snapshotFolder), SnapshotNames.For(DateTimeOffset.UtcNow)), cancellationToken);
            clockBackup.Stop();
            var snapshotBytes = FolderBytes(snapshotFolder);
            var snapshotRows = manifest.TableCounts.Values.Sum();
            Console.WriteLine($"backup: snapshot {snapshotRows:N0} rows, {snapshotBytes:N0} bytes in {clockBackup.Elapsed.TotalSeconds:F1} s");

            // 3. The restore use case into a second Azurite, fresh as ./kto up leaves it (tables and containers made).
            await using var target = await AzuriteServer.StartAsync();
            await using (await KtoServices.StartAsync(target.ConnectionString)) { }
            var restored = new StackStorage(new BlobServiceClient(target.ConnectionString), new TableServiceClient(target.ConnectionString));
            var clockRestore = Stopwatch.StartNew();
            var result = await new RestoreService(restored).RestoreAsync(new RestoreRequest(new FolderSnapshot(snapshotFolder)), cancellationToken);
            clockRestore.Stop();
            if (result.Outcome != RestoreOutcome.Restored)
                throw new InvalidOperationException($"restore refused ({result.Outcome}): {string.Join("; ", result.Problems)}");
            Console.WriteLine($"backup: restored {result.Tables.Values.Sum():N0} rows in {clockRestore.Elapsed.TotalSeconds:F1} s");

            // Same rows everywhere: per table the raw copy, the manifest and the restore counted the same, and one
            // company's partitions read back from the second Azurite equal the first's, property for property.
            foreach (var (table, rows) in raw.TableRows)
            {
                if (manifest.TableCounts.GetValueOrDefault(table) != rows || result.Tables.GetValueOrDefault(table) != rows)
                    throw new InvalidOperationException($"{table}: raw copy {rows} rows, snapshot {manifest.TableCounts.GetValueOrDefault(table)}, restored {result.Tables.GetValueOrDefault(table)}");
            }
            var compared = await CompareCompanyAsync(azurite.ConnectionString, target.ConnectionString, ReportFixture.CompanyId(companies - 1), year, cancellationToken);
            var targetPeak = target.PeakResidentBytes();

            var rawTime = clockRaw.Elapsed.TotalSeconds;
            var backupTime = clockBackup.Elapsed.TotalSeconds;
            var restoreTime = clockRestore.Elapsed.TotalSeconds;
            var size = companies == Companies ? "" : $" (scaled: {companies} of {Companies} companies)";
            notes.Add($"Data{size}: {companies} companies × {ReportScenario.ServicesPerCompany:N0} services ended in {year}, {ReportScenario.RespondedPerCompany} responded each, seeded by the " +
                      $"report scenario's fixture (services {seeded.GetValueOrDefault(StorageNames.ServicesTable):N0}, attempts {seeded.GetValueOrDefault(StorageNames.AttemptsTable):N0}, " +
                      $"responses {seeded.GetValueOrDefault(StorageNames.ResponsesTable):N0} rows) plus the {companies} companies' own rows; {snapshotRows:N0} rows in " +
                      $"{manifest.TableCounts.Count(t => t.Value > 0)} non-empty tables, {manifest.BlobCounts.Values.Sum()} blobs. Seeding (untimed, a raw batch insert: " +
                      $"4 transactions of 100 rows at a time, Add) took {seedTime.TotalSeconds:F1} s.");
            notes.Add($"Raw copy (baseline): a plain TableServiceClient reads every entity of each of the {StorageNames.Tables.Count} tables (whole-table query, as the backup) and writes it " +
                      $"with System.Text.Json as one line of a file per table (no types; Timestamp and ETag included), blobs downloaded as files: {raw.Rows:N0} rows, " +
                      $"{raw.Bytes / 1e6:F1} MB, {rawTime:F1} s.");
            notes.Add($"Backup: BackupService (StackStorage, FolderSnapshot) as ./kto backup runs it, without keys: {snapshotRows:N0} rows, {snapshotBytes / 1e6:F1} MB " +
                      $"(the manifest {new FileInfo(Path.Combine(snapshotFolder, SnapshotManifest.FileName)).Length:N0} bytes of it), {backupTime:F1} s = {backupTime / rawTime:F2}× the raw copy, " +
                      $"{snapshotBytes / (double)raw.Bytes:F2}× its size (every property carries its Edm type; the raw copy drops types but keeps Timestamp and ETag). " +
                      $"Per table: {string.Join(", ", manifest.Files.Where(f => f.Kind == SnapshotFile.TableKind && f.Count > 0).OrderByDescending(f => f.Bytes).Select(f => $"{f.Set} {f.Count:N0} rows {f.Bytes / 1e6:F1} MB"))}.");
            notes.Add($"Restore: RestoreService into a second Azurite made fresh by the host's start-up (tables and containers exist, no rows): first the check of every " +
                      $"file's size and SHA-256, then the rows in transactions of up to 100 per partition, one at a time: {result.Tables.Values.Sum():N0} rows in {restoreTime:F1} s " +
                      $"= {restoreTime / rawTime:F2}× the raw copy, {restoreTime / seedTime.TotalSeconds:F2}× the seeding's raw insert of the same rows (which writes 4 transactions at once).");
            notes.Add($"Checked: per table the raw copy, the manifest and the restore counted the same rows; {compared:N0} rows of {ReportFixture.CompanyId(companies - 1)}'s " +
                      "services, attempts and responses read back from the second Azurite equal the first's, every property with its type.");
            notes.Add($"RTO for this year on this machine: restore {restoreTime:F0} s plus starting the stack; RPO: the last snapshot (nightly in Azure). Azurite keeps " +
                      "everything in memory on one node thread, and a whole-table query re-filters the table for every page of 1,000 rows, so reading is bound by Azurite " +
                      "as in the report scenario; Azure Table storage reads a partition range instead. " +
                      $"The second Azurite's peak memory: {targetPeak / (1024.0 * 1024) ?? 0:F0} MB.");
            return new ScenarioResult(Name,
            [
                new Figure($"backup of {companies} companies × {ReportScenario.ServicesPerCompany:N0} services, {snapshotRows:N0} rows (wall time)", backupTime, "s",
                    "raw copy of the same tables to files, s", rawTime, backupTime / rawTime, "— (none set)", null),
                new Figure("snapshot size", snapshotBytes / 1e6, "MB", "raw copy, MB", raw.Bytes / 1e6, snapshotBytes / (double)raw.Bytes, "— (none set)", null),
                new Figure($"restore into a fresh Azurite, {result.Tables.Values.Sum():N0} rows (wall time)", restoreTime, "s",
                    "raw copy of the same tables to files, s", rawTime, restoreTime / rawTime, "— (none set)", null),
            ], notes);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>Every table and container of the stack, read with plain SDK clients and written as they come.</summary>
    private static async Task<(long Rows, long Bytes, Dictionary<string, long> TableRows)> RawCopyAsync(string connectionString, string folder, CancellationToken cancellationToken)
    {
        var tables = new TableServiceClient(connectionString);
        var blobs = new BlobServiceClient(connectionString);
        Directory.CreateDirectory(folder);
        var counts = new Dictionary<string, long>();
        var newLine = "\n"u8.ToArray();
        foreach (var table in StorageNames.Tables)
        {
            long rows = 0;
            await using (var file = new FileStream(Path.Combine(folder, table + ".jsonl"), FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                try
                {
                    await foreach (var entity in tables.GetTableClient(table).QueryAsync<TableEntity>(cancellationToken: cancellationToken))
                    {
                        await file.WriteAsync(JsonSerializer.SerializeToUtf8Bytes<IDictionary<string, object>>(entity), cancellationToken);
                        await file.WriteAsync(newLine, cancellationToken);
                        rows++;
                    }
                }
                catch (RequestFailedException e) when (e.Status == 404) { }
            }
            counts[table] = rows;
        }
        foreach (var container in StorageNames.Containers)
        {
            var client = blobs.GetBlobContainerClient(container);
            if (!await client.ExistsAsync(cancellationToken)) continue;
            await foreach (var blob in client.GetBlobsAsync(cancellationToken: cancellationToken))
            {
                var path = Path.Combine(folder, container, blob.Name);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await client.GetBlobClient(blob.Name).DownloadToAsync(path, cancellationToken);
            }
        }
        return (counts.Values.Sum(), FolderBytes(folder), counts);
    }

    /// <summary>One company-year's partitions of the seeded tables, read from both stacks and compared row for row; the rows compared.</summary>
    private static async Task<int> CompareCompanyAsync(string first, string second, string company, int year, CancellationToken cancellationToken)
    {
        var compared = 0;
        foreach (var table in new[] { StorageNames.ServicesTable, StorageNames.AttemptsTable, StorageNames.ResponsesTable })
        {
            var a = await PartitionAsync(first, table, company, year, cancellationToken);
            var b = await PartitionAsync(second, table, company, year, cancellationToken);
            if (a.Count == 0 || a.Count != b.Count) throw new InvalidOperationException($"{table}, {company}: {a.Count} rows before, {b.Count} restored");
            for (var i = 0; i < a.Count; i++)
                if (a[i] != b[i]) throw new InvalidOperationException($"{table}, {company}: row {i} differs after the restore:\n{a[i]}\n{b[i]}");
            compared += a.Count;
        }
        return compared;
    }

    private static async Task<List<string>> PartitionAsync(string connectionString, string table, string company, int year, CancellationToken cancellationToken)
    {
        var rows = new List<string>();
        var partition = TableKeys.CompanyYear(company, year);
        await foreach (var entity in new TableClient(connectionString, table).QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            using var buffer = new MemoryStream();
            await SnapshotTableFile.WriteAsync(buffer, BackupEntities.From(entity), cancellationToken);
            rows.Add(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }
        return rows;
    }

    private static long FolderBytes(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
}
