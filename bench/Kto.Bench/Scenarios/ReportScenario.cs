using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Kto.Bench.Support;
using Kto.Core;
using Kto.Core.Access;
using Kto.Core.Companies;
using Kto.Core.Questionnaires;
using Kto.Core.Reports;
using Kto.Core.Settings;
using Kto.Infrastructure.Reports;
using Kto.Infrastructure.Storage;
using Kto.Local;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kto.Bench.Scenarios;

/// <summary>
/// Scenario 4: the annual report of one year for <see cref="Companies"/> companies × <see cref="ServicesPerCompany"/>
/// services (<see cref="RespondedPerCompany"/> responded each), wall time from <c>POST /api/reports/{year}</c> on
/// the local host (the real orchestration in its in-memory Durable host, real Table/Blob adapters, Azurite) until its status
/// says Completed, all drafts written; against a raw aggregation of the same partitions with Azure.Data.Tables
/// (counts and mean grade per company and perceel, in memory, no product code). Both must give the same numbers.
/// </summary>
public sealed class ReportScenario : AzuriteScenario, IScenario
{
    public const int Companies = 50;
    public const int ServicesPerCompany = 2_000;
    public const int RespondedPerCompany = 800; // 40 %
    private const int Runs = 2;
    private const int RawReaders = 4;
    private const int BreakdownCompanies = 5;

    public override string Name => "report";

    /// <summary>Seeding 400,000 rows and four timed runs take longer than the default on a shared machine.</summary>
    public TimeSpan Limit => TimeSpan.FromMinutes(20);

    protected override async Task<ScenarioResult> RunAsync(AzuriteServer azurite, CancellationToken cancellationToken)
    {
        var bureauKey = SecretKeys.Create();
        var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        // The annual report is made after the year: the last complete year.
        var year = DateTime.UtcNow.Year - 1;
        await using var app = BenchHost.Build(azurite, baseUrl, new Dictionary<string, string?>
        {
            ["Kto:BureauKeyHash"] = SecretKeys.Hash(bureauKey),
            ["Kto:Bureau:Membership"] = "VBO",
        });
        await app.StartAsync(cancellationToken);
        try
        {
            return await MeasureAsync(app, azurite, baseUrl, bureauKey, year, cancellationToken);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<ScenarioResult> MeasureAsync(WebApplication app, AzuriteServer azurite, string baseUrl, string bureauKey, int year, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bureauKey);

        var notes = new List<string>();
        var questionnaire = app.Services.GetRequiredService<QuestionnaireCatalog>().Current;
        var fixture = new ReportFixture(year, ServicesPerCompany, RespondedPerCompany, questionnaire);
        var seedClock = Stopwatch.StartNew();
        await fixture.SeedAsync(app.Services.GetRequiredService<CompanyService>(), app.Services.GetRequiredService<TableServiceClient>(),
            Companies, cancellationToken);
        seedClock.Stop();
        Console.WriteLine($"report: seeded in {seedClock.Elapsed.TotalSeconds:F1} s ({string.Join(", ", fixture.Written.Select(w => $"{w.Key} {w.Value:N0}"))})");

        // A client of its own for the baseline: nothing the product configured.
        var raw = new TableServiceClient(azurite.ConnectionString);
        var reportTimes = new List<double>();
        var rawTimes = new List<double>();
        long reportAllocated = 0, rawAllocated = 0;
        using var self = Process.GetCurrentProcess();
        (TimeSpan Azurite, TimeSpan Self) reportCpu = default, rawCpu = default;
        Dictionary<string, RawFigures[]> rawFigures = [];
        // Storage requests of the last run of each (the SDK's request events; a few hundred, so counting costs nothing measurable).
        using var requests = new StorageRequestCounter();
        IReadOnlyDictionary<string, int> reportRequests = new Dictionary<string, int>(), rawRequests = reportRequests;
        for (var run = 1; run <= Runs; run++)
        {
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var cpu = Cpu(azurite, self);
            if (run == Runs) requests.Start();
            var clock = Stopwatch.StartNew();
            var companies = await RunReportAsync(http, year, cancellationToken);
            clock.Stop();
            if (run == Runs) reportRequests = requests.Stop();
            reportCpu = Since(cpu, azurite, self);
            reportAllocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            if (companies != Companies) throw new InvalidOperationException($"the report run made {companies} drafts, expected {Companies}");
            reportTimes.Add(clock.Elapsed.TotalSeconds);

            allocated = GC.GetTotalAllocatedBytes(precise: true);
            cpu = Cpu(azurite, self);
            if (run == Runs) requests.Start();
            clock.Restart();
            rawFigures = await RawAggregationAsync(raw, year, cancellationToken);
            clock.Stop();
            if (run == Runs) rawRequests = requests.Stop();
            rawCpu = Since(cpu, azurite, self);
            rawAllocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            rawTimes.Add(clock.Elapsed.TotalSeconds);
            Console.WriteLine($"report run {run}: report {reportTimes[^1]:F1} s, raw aggregation {rawTimes[^1]:F1} s");
        }

        // Same work: every company's draft says what the raw aggregation counted.
        var files = await CompareAsync(http, year, rawFigures, cancellationToken);
        var breakdown = await BreakdownAsync(app.Services, year, cancellationToken);

        var reportTime = reportTimes.Min();
        var rawTime = rawTimes.Min();
        var ratio = reportTime / rawTime;
        var rows = fixture.Written;
        notes.Add($"Data: {Companies} companies × {ServicesPerCompany:N0} services ended in {year} ({Companies * ServicesPerCompany:N0}; percelen 40/30/20/10 %), " +
                  $"{RespondedPerCompany} responded per company ({100.0 * RespondedPerCompany / ServicesPerCompany:F0} %). Rows: services {rows.GetValueOrDefault(StorageNames.ServicesTable):N0}, " +
                  $"attempts {rows.GetValueOrDefault(StorageNames.AttemptsTable):N0} (e-mail invitation and up to two reminders, letters, phone calls, deferred and bounced mails), " +
                  $"responses {rows.GetValueOrDefault(StorageNames.ResponsesTable):N0} (all 12 questions). Seeded untimed in {seedClock.Elapsed.TotalSeconds:F0} s " +
                  "with batched transactions of the entities the stores write; no contacts rows (the report never reads them).");
        notes.Add($"Report: POST /api/reports/{year} (bureau key) on the local host, then GET of the status location every 100 ms until Completed; " +
                  $"one DraftCompanyReport activity per company (one read of its year for figures and open answers), up to {LocalDurableHost.ActivitySlots} activities at a time, " +
                  $"{app.Services.GetRequiredService<ReportSettings>().ConcurrentReads} of them reading at a time; " +
                  $"{Companies} drafts (PDF {files.Pdf / 1024.0:F0} KB, XLSX {files.Xlsx / 1024.0:F0} KB, JSON {files.Json / 1024.0:F0} KB for one company). " +
                  $"Per run: {string.Join(", ", reportTimes.Select(t => $"{t:F1} s"))}. Allocated in this process (last run, host included): {reportAllocated / 1e9:F2} GB.");
        notes.Add($"Raw aggregation: a plain TableServiceClient, {RawReaders} companies at a time, each reading its services (RowKey, Perceel), attempts (ServiceId, Outcome) " +
                  "and responses (RowKey, Answers) partitions once; per perceel ended, approached, responded, response rate and mean rapportcijfer in memory. " +
                  $"Per run: {string.Join(", ", rawTimes.Select(t => $"{t:F1} s"))}. Allocated (last run): {rawAllocated / 1e9:F2} GB. Best of {Runs} for each, alternating.");
        notes.Add($"Checked: all {Companies} drafts' report.json equal the raw aggregation in ended, approached, responded, response rate and mean grade for every perceel.");
        notes.Add($"CPU in the last run of each: report {reportTimes[^1]:F1} s wall, Azurite {reportCpu.Azurite.TotalSeconds:F1} s, this process (host, orchestration, rendering) {reportCpu.Self.TotalSeconds:F1} s; " +
                  $"raw aggregation {rawTimes[^1]:F1} s wall, Azurite {rawCpu.Azurite.TotalSeconds:F1} s, this process {rawCpu.Self.TotalSeconds:F1} s (2 cores in all).");
        notes.Add($"Storage requests per company in the last run (all {Companies} companies' requests / {Companies}; a query is one page of up to 1,000 rows): " +
                  $"report {PerCompany(reportRequests)}; raw aggregation {PerCompany(rawRequests)}.");
        Console.WriteLine(notes[^1]);
        notes.Add(breakdown);
        var attempts = rows.GetValueOrDefault(StorageNames.AttemptsTable);
        notes.Add("What limits both: Azurite answers a partition query by filtering the whole table in JavaScript for every page of 1,000 rows " +
                  $"(LokiJS where + sort in queryTableEntities), so each of the {(attempts / Companies + 999) / 1000} pages of a company's ~{attempts / Companies:N0} attempts " +
                  $"scans all {attempts:N0} attempts rows; Azurite runs on one thread, so companies read in parallel still queue there. On Azure Table storage a partition " +
                  "query is a range read. On top of the shared reads the report reads its small tables (corrections, contacts, company, drafts, hidden answers), " +
                  "the attempts with the three columns its counters use beside the row key (mode, time, outcome; service and step from the row key) and the " +
                  "responses with the six columns their mapper reads (the baseline selects two columns each: more for Azurite to serialise), maps them to records, and renders a PDF and an XLSX per company, while the next companies are read " +
                  "(Kto:Report:ConcurrentReads at a time); the host's CPU then competes with Azurite's on the 2 cores.");
        return new ScenarioResult("report",
        [
            new Figure($"annual report, {Companies} companies × {ServicesPerCompany:N0} services (wall time)", reportTime, "s",
                "raw aggregation of the same rows, s", rawTime, ratio, "≤ 1.1 (report time / raw time)", ratio <= 1.1),
        ], notes);
    }

    /// <summary>Starts the run for all companies and polls its status until Completed; the number of companies it reports.</summary>
    private static async Task<int> RunReportAsync(HttpClient http, int year, CancellationToken cancellationToken)
    {
        var start = await http.PostAsync($"/api/reports/{year}", null, cancellationToken);
        if (start.StatusCode != System.Net.HttpStatusCode.Accepted)
            throw new InvalidOperationException($"POST /api/reports/{year}: {(int)start.StatusCode} {await start.Content.ReadAsStringAsync(cancellationToken)}");
        var location = start.Headers.Location!.ToString();
        while (true)
        {
            var status = await http.GetFromJsonAsync<JsonElement>(location, cancellationToken);
            switch (status.GetProperty("status").GetString())
            {
                case "Completed":
                    return status.GetProperty("output").GetProperty("companies").GetArrayLength();
                case "Pending" or "Running":
                    await Task.Delay(100, cancellationToken);
                    break;
                default:
                    throw new InvalidOperationException($"the report run ended: {status}");
            }
        }
    }

    /// <summary>Per company (in index order) and perceel (enum order): what the report counts, straight from the tables.</summary>
    private static async Task<Dictionary<string, RawFigures[]>> RawAggregationAsync(TableServiceClient tables, int year, CancellationToken cancellationToken)
    {
        var services = tables.GetTableClient(StorageNames.ServicesTable);
        var attempts = tables.GetTableClient(StorageNames.AttemptsTable);
        var responses = tables.GetTableClient(StorageNames.ResponsesTable);
        var result = new Dictionary<string, RawFigures[]>();
        await Parallel.ForEachAsync(Enumerable.Range(0, Companies), new ParallelOptions { MaxDegreeOfParallelism = RawReaders, CancellationToken = cancellationToken },
            async (c, token) =>
            {
                var company = ReportFixture.CompanyId(c);
                var filter = $"PartitionKey eq '{company}_{year}'";
                var perceelOf = new Dictionary<string, int>(StringComparer.Ordinal);
                var percelen = Enum.GetNames<Perceel>();
                await foreach (var e in services.QueryAsync<TableEntity>(filter, select: ["RowKey", "Perceel"], cancellationToken: token))
                    perceelOf[e.RowKey] = Array.IndexOf(percelen, e.GetString("Perceel"));

                var approached = new HashSet<string>(StringComparer.Ordinal);
                await foreach (var e in attempts.QueryAsync<TableEntity>(filter, select: ["ServiceId", "Outcome"], cancellationToken: token))
                    if (e.GetString("Outcome") is "sent" or "reached" or "no-answer" or "unknown") approached.Add(e.GetString("ServiceId"));

                var figures = percelen.Select(_ => new RawFigures()).ToArray();
                foreach (var (id, p) in perceelOf)
                {
                    figures[p].Ended++;
                    if (approached.Contains(id)) figures[p].Approached++;
                }
                await foreach (var e in responses.QueryAsync<TableEntity>(filter, select: ["RowKey", "Answers"], cancellationToken: token))
                {
                    if (!perceelOf.TryGetValue(e.RowKey, out var p)) continue;
                    figures[p].Responded++;
                    using var answers = JsonDocument.Parse(e.GetString("Answers"));
                    if (answers.RootElement.TryGetProperty("rapportcijfer", out var grade) && grade.GetProperty("number") is { ValueKind: JsonValueKind.Number } number)
                    {
                        figures[p].Grades++;
                        figures[p].GradeSum += number.GetInt32();
                    }
                }
                lock (result) result[company] = figures;
            });
        return result;
    }

    /// <summary>Reads every company's draft report.json over HTTP and compares it with the raw figures; the sizes of one company's files.</summary>
    private static async Task<(long Pdf, long Xlsx, long Json)> CompareAsync(HttpClient http, int year, Dictionary<string, RawFigures[]> raw,
        CancellationToken cancellationToken)
    {
        foreach (var (company, expected) in raw)
        {
            var json = await http.GetFromJsonAsync<JsonElement>($"/api/reports/{year}/{company}/report.json?version=draft", cancellationToken);
            foreach (var perceel in json.GetProperty("percelen").EnumerateArray())
            {
                var figures = perceel.GetProperty("figures");
                var name = figures.GetProperty("perceel").GetString();
                var p = Enum.GetValues<Perceel>().Single(x => PerceelNames.DisplayName(x) == name);
                var e = expected[(int)p];
                var mean = perceel.GetProperty("grades").GetProperty("mean");
                var same = figures.GetProperty("ended").GetInt32() == e.Ended
                           && figures.GetProperty("approached").GetInt32() == e.Approached
                           && figures.GetProperty("responded").GetInt32() == e.Responded
                           && Math.Abs(perceel.GetProperty("responseRate").GetProperty("proportion").GetDouble() - e.ResponseRate) < 1e-9
                           && (e.Grades == 0 ? mean.ValueKind == JsonValueKind.Null : Math.Abs(mean.GetDouble() - e.MeanGrade) < 1e-9);
                if (!same)
                    throw new InvalidOperationException($"{company}, {name}: the report says {figures} with mean {mean}, the raw aggregation {e}");
            }
        }
        var first = ReportFixture.CompanyId(0);
        async Task<long> Size(string file) => (await http.GetByteArrayAsync($"/api/reports/{year}/{first}/{file}?version=draft", cancellationToken)).LongLength;
        return (await Size(ReportFileNames.Pdf), await Size(ReportFileNames.Xlsx), await Size(ReportFileNames.Json));
    }

    /// <summary>
    /// Where a company's time goes: the activities' steps done one after the other for a few companies, outside
    /// the orchestration (which runs them all at once), so each step's share is visible.
    /// </summary>
    private static async Task<string> BreakdownAsync(IServiceProvider services, int year, CancellationToken cancellationToken)
    {
        var figuresService = services.GetRequiredService<ReportFiguresService>();
        var archive = services.GetRequiredService<IReportArchive>();
        var questionnaire = services.GetRequiredService<QuestionnaireCatalog>().Current;
        var builder = new AnnualReportBuilder(services.GetRequiredService<ReportSettings>(), BureauInfo.From(services.GetRequiredService<BureauSettings>()));
        var verifyUrl = services.GetRequiredService<ReportRenderer>().VerifyUrl;
        var pdf = new ReportPdfRenderer();
        var xlsx = new ReportXlsxRenderer();
        var steps = new double[6];
        for (var c = 0; c < BreakdownCompanies; c++)
        {
            var company = ReportFixture.CompanyId(c);
            var clock = Stopwatch.StartNew();
            var figures = await figuresService.ForCompanyAsync(company, year, cancellationToken);
            steps[0] += Lap(clock);
            var report = builder.Build(new AnnualReportInput(company, company, year, DateTimeOffset.UtcNow, questionnaire, figures));
            steps[1] += Lap(clock);
            var pdfBytes = pdf.Render(report, questionnaire, verifyUrl, null);
            steps[2] += Lap(clock);
            var xlsxBytes = xlsx.Render(report, questionnaire, null);
            steps[3] += Lap(clock);
            var jsonBytes = Encoding.UTF8.GetBytes(ReportJson.Serialize(report));
            steps[4] += Lap(clock);
            var current = await archive.GetCurrentDraftAsync(company, year, cancellationToken);
            await archive.TryReplaceDraftAsync(company, year, new ReportFiles(pdfBytes, xlsxBytes, jsonBytes),
                new ReportDraftInputs(company, questionnaire.Version, report.GeneratedAt, figures),
                report.Checklist.Status.ToString().ToLowerInvariant(), current, cancellationToken);
            steps[5] += Lap(clock);
        }
        string[] names = ["aggregation (the population read and count: services, corrections, attempts, responses)", "build", "PDF", "XLSX", "JSON", "blob and table writes"];
        var total = steps.Sum();
        return $"Breakdown, the activities' steps one after the other for {BreakdownCompanies} companies (mean per company, {total / BreakdownCompanies * 1000:F0} ms in all): " +
               string.Join("; ", names.Select((n, i) => $"{n} {steps[i] / BreakdownCompanies * 1000:F0} ms ({100 * steps[i] / total:F0} %)")) + ".";
    }

    private static string PerCompany(IReadOnlyDictionary<string, int> counts) =>
        $"{counts.Values.Sum() / (double)Companies:F1} in all (" +
        string.Join(", ", counts.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value / (double)Companies:0.##}"))) + ")";

    private static (TimeSpan Azurite, TimeSpan Self) Cpu(AzuriteServer azurite, Process self)
    {
        self.Refresh();
        return (azurite.CpuTime() ?? TimeSpan.Zero, self.TotalProcessorTime);
    }

    private static (TimeSpan Azurite, TimeSpan Self) Since((TimeSpan Azurite, TimeSpan Self) start, AzuriteServer azurite, Process self)
    {
        var now = Cpu(azurite, self);
        return (now.Azurite - start.Azurite, now.Self - start.Self);
    }

    private static double Lap(Stopwatch clock)
    {
        var seconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        return seconds;
    }

    private sealed class RawFigures
    {
        public int Ended { get; set; }
        public int Approached { get; set; }
        public int Responded { get; set; }
        public int Grades { get; set; }
        public long GradeSum { get; set; }
        public double ResponseRate => Ended == 0 ? 0 : (double)Responded / Ended;
        public double MeanGrade => (double)GradeSum / Grades;

        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"ended {Ended}, approached {Approached}, responded {Responded}, mean {(Grades == 0 ? "—" : MeanGrade.ToString("F6", CultureInfo.InvariantCulture))}");
    }
}
