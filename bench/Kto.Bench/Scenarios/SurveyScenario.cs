using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Kto.Bench.Support;
using Kto.Client;
using Kto.Core.Access;
using Kto.Core.Survey;
using Kto.Infrastructure.Storage;
using Kto.Local;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Kto.Infrastructure.Links;

namespace Kto.Bench.Scenarios;

/// <summary>
/// Scenario 3: the questionnaire page (GET /s?t={token}) and the answer POST under load from
/// <see cref="Clients"/> closed-loop keep-alive clients (<see cref="LoadGenerator"/>), against GET /api/health
/// in the same host. The host is the real local host (Kto.Local: the function classes on Kestrel) on Azurite,
/// in this process; the personal links come from real invitation mails, seeded untimed.
/// </summary>
public sealed partial class SurveyScenario : AzuriteScenario
{
    public const int Clients = 64;
    private const int GetTokens = 512;
    private const int PostWarmupTokens = 2 * Clients;
    private const int PostTokens = 1_200;
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(10);

    public override string Name => "survey";

    protected override async Task<ScenarioResult> RunAsync(AzuriteServer azurite, CancellationToken cancellationToken)
    {
        await using var smtp = new TestSmtpServer();
        var bureauKey = SecretKeys.Create();
        var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var app = LocalApp.Build([], config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Kto:BureauKeyHash"] = SecretKeys.Hash(bureauKey),
            ["Kto:PublicBaseUrl"] = baseUrl,
            ["Kto:Bureau:Name"] = "Benchmarkbureau",
            ["Kto:Bureau:ContactEmail"] = "privacy@bureau.example",
            // A fixed form key, as production must have (without one the host makes a random key and warns).
            ["Kto:Survey:FormKey"] = SecretKeys.Create(),
            ["Kto:Mail:Host"] = "127.0.0.1",
            ["Kto:Mail:Port"] = smtp.Port.ToString(),
            ["Kto:Mail:Security"] = "None",
            // Seeding only: the throttle out of the way so all invitations go in one run.
            ["Kto:Mail:MaxPerMinute"] = "100000",
            ["Kto:Mail:MaxPerHour"] = "100000",
            ["Local:BlobPollInterval"] = "00:00:00.200",
            ["Local:RunTimers"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
            ["urls"] = baseUrl,
        }));
        await app.StartAsync(cancellationToken);
        try
        {
            return await MeasureAsync(app, azurite, smtp, new Uri(baseUrl), bureauKey, cancellationToken);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
        }
    }

    private async Task<ScenarioResult> MeasureAsync(WebApplication app, AzuriteServer azurite, TestSmtpServer smtp, Uri baseUrl, string bureauKey, CancellationToken cancellationToken)
    {
        var seedClock = System.Diagnostics.Stopwatch.StartNew();
        var tokens = await InviteAsync(baseUrl, bureauKey, smtp, GetTokens + PostWarmupTokens + PostTokens, cancellationToken);
        var seeded = seedClock.Elapsed;
        var getTokens = tokens[..GetTokens];
        var formKey = app.Services.GetRequiredService<SurveyFormKey>();
        var warmupPosts = new ConcurrentQueue<(string Token, byte[] Body)>(tokens[GetTokens..(GetTokens + PostWarmupTokens)].Select(t => (t, AnswerBody(formKey, t))));
        var posts = new ConcurrentQueue<(string Token, byte[] Body)>(tokens[(GetTokens + PostWarmupTokens)..].Select(t => (t, AnswerBody(formKey, t))));
        Console.WriteLine($"survey: {tokens.Count} personal links in {seeded.TotalSeconds:F1} s");

        var load = new LoadGenerator(baseUrl, Clients);
        var health = await CpuAsync(azurite, () => load.RunAsync(_ => new HttpRequestMessage(HttpMethod.Get, "/api/health"),
            (status, _) => status == HttpStatusCode.OK, Warmup, Duration, cancellationToken));
        Console.WriteLine($"survey: GET /api/health: {health}");

        // Each client walks its own slice of the GET links, so the lookups are spread over many rows.
        var nextGet = new int[Clients];
        var pageBytes = 0;
        var gc = GcWindow.Start();
        var page = await CpuAsync(azurite, () => load.RunAsync(client =>
            {
                var i = client + Clients * (nextGet[client]++ % (GetTokens / Clients));
                return new HttpRequestMessage(HttpMethod.Get, $"/s?t={getTokens[i]}");
            },
            (status, body) =>
            {
                pageBytes = body.Length;
                return status == HttpStatusCode.OK && Contains(body, QuestionnaireMarker);
            }, Warmup, Duration, cancellationToken));
        var pageGc = gc.Stop(page.Load.Requests); // the warm-up's requests are not counted, its collections are
        Console.WriteLine($"survey: GET questionnaire: {page}; {pageBytes / 1024.0:N0} KB a page; {pageGc}");
        var reads = await RawReadsAsync(app, azurite, getTokens, cancellationToken);
        Console.WriteLine($"survey: raw token reads: {reads}");

        // First opens: every link of the POST pools opened once, as its client does before answering. The GET run
        // above opens each of its links again and again, which a host answers from the token rows it keeps
        // (RecentTokens); this run shows what a link costs the first time.
        var firstOpens = new ConcurrentQueue<string>(tokens[GetTokens..]);
        var firstOpen = await CpuAsync(azurite, () => load.RunAsync(_ => firstOpens.TryDequeue(out var next) ? new HttpRequestMessage(HttpMethod.Get, $"/s?t={next}") : null,
            (status, body) => status == HttpStatusCode.OK && Contains(body, QuestionnaireMarker), TimeSpan.Zero, Duration, cancellationToken));
        Console.WriteLine($"survey: GET questionnaire, first open: {firstOpen}");

        // POST: one answer per link (a link answers once), so the POST run is bounded by its pool of links.
        // Its warm-up is its own small pool; then the measured pool until it runs out or the window ends.
        var postWarmup = await CpuAsync(azurite, () => load.RunAsync(_ => warmupPosts.TryDequeue(out var next) ? AnswerPost("/s", next.Body) : null,
            (status, body) => status == HttpStatusCode.OK && Contains(body, ThanksMarker), TimeSpan.Zero, Duration, cancellationToken));
        var post = await CpuAsync(azurite, () => load.RunAsync(_ => posts.TryDequeue(out var next) ? AnswerPost("/s", next.Body) : null,
            (status, body) => status == HttpStatusCode.OK && Contains(body, ThanksMarker), TimeSpan.Zero, Duration, cancellationToken));
        Console.WriteLine($"survey: POST answer: {post} ({posts.Count} links left)");

        var errors = new[] { ("GET /api/health", health), ("GET questionnaire", page), ("GET questionnaire, first open", firstOpen), ("POST answer warm-up", postWarmup), ("POST answer", post) }
            .Where(r => r.Item2.Load.Errors > 0).Select(r => $"{r.Item1}: {r.Item2.Load.Errors} errors (first: {r.Item2.Load.FirstError})").ToList();
        if (errors.Count > 0) throw new InvalidOperationException(string.Join("; ", errors));

        var notes = new List<string>
        {
            $"Host: the real local host (Kto.Local: the function classes on Kestrel, HTTP/1.1, workstation GC) on Azurite (in-memory), in the benchmark's process; the load generator runs in the same process too, so generator, host and Azurite share the machine's {Environment.ProcessorCount} cores.",
            $"Load: {Clients} clients, closed loop (each sends its next request when the last response is read in full), one keep-alive connection each (an in-repo generator, bench/Kto.Bench/Support/LoadGenerator.cs; wrk is not installed). Latency from send to the last body byte; p50/p99 exact, by sorting every recorded latency. GET runs: {Warmup.TotalSeconds:F0} s warm-up, then {Duration.TotalSeconds:F0} s measured.",
            $"Seeded untimed in {seeded.TotalSeconds:F0} s: one company, one delivery through POST /api/deliveries (blob watcher, real ingest), then POST /api/jobs/send-invitations to a local SMTP server; the {tokens.Count:N0} personal links were read from the mails.",
            $"GET /api/health (baseline, the same host pipeline with no storage and no template): {health}.",
            $"GET questionnaire page (/s?t={{token}}, {GetTokens} distinct open links, each client its own {GetTokens / Clients}; every response checked for 200 and the form): {page}; p90 {page.Load.PercentileMs(0.90):F1} ms; a page is {pageBytes / 1024.0:N0} KB; in this process, warm-up included: {pageGc}.",
            $"GET questionnaire page, first open ({tokens.Count - GetTokens:N0} links, the POST pools', each opened once, no warm-up): {firstOpen}. The GET run above opens each of its {GetTokens} links again and again: after its first open a link's token row is kept by the host for {RecentTokens.Lifetime.TotalMinutes:F0} minutes (RecentTokens), so such a page reads only the service row; a first open reads both.",
            $"POST answer (all mandatory questions answered, our form field computed with the host's form key, as the page would carry it; every response checked for 200 and the thank-you page), on links opened once before, as a client answers: a link answers only once, so each POST uses a fresh link from a pool of {PostTokens:N0} (after a warm-up pool of {PostWarmupTokens}); the run ends when the pool is used up or after {Duration.TotalSeconds:F0} s: {post}. Warm-up: {postWarmup}.",
            $"Storage alone, for what limits the page: the same token rows read straight from Azurite with the host's TableServiceClient ({Clients} concurrent loops, no HTTP in front): {reads}. A questionnaire page opened for the first time needs two such reads (token, service row), one opened again within minutes only the service row; corrections and a stored response are read only for a service whose row is marked as possibly having them (every link here is fresh, so none is), or a row stored before those marks existed; the company name is kept in memory. A POST on a link opened before reads only the service row, then writes the mark, the response and the responded merge.",
            $"What limits the GET: Azurite is one node thread, and a page costs it {page.AzuriteCpuMs:F2} ms of CPU, so it serves at most ~{1000 / page.AzuriteCpuMs:N0} pages/s even with a core to itself; this process adds {page.HostCpuMs:F2} ms per page (host, Azure SDK, Liquid render, and the generator) on the same 2 cores. With {Clients} clients in a closed loop the mean latency is {Clients} / rate (Little's law): {1000.0 * Clients / page.Load.RequestsPerSecond:F0} ms at the measured rate; p99 < 50 ms needs well over {Clients / 0.05:N0} pages/s, which two storage reads a page do not reach on this machine (see the first opens) and one does.",
            $"Why the POST pool is {PostTokens:N0}: a link can be answered once, so every POST needs a fresh link, and the links come from the real invitation job (seeding time grows with every link).",
            "Rate limit: the only limiter on the survey routes counts unknown or malformed links per address (Kto:Survey:UnknownTokensPerMinute, default 20); every link here is real, so it never fires and is left at its default. Any 429 would count as an error.",
        };
        return new ScenarioResult(Name,
        [
            new Figure($"GET questionnaire, {Clients} clients", page.Load.RequestsPerSecond, "req/s", "GET /api/health", health.Load.RequestsPerSecond,
                page.Load.RequestsPerSecond / health.Load.RequestsPerSecond, "— (none set)", null),
            new Figure($"GET questionnaire p99, {Clients} clients", page.Load.P99Ms, "ms", "GET /api/health p99 (ms)", health.Load.P99Ms,
                page.Load.P99Ms / health.Load.P99Ms, "p99 < 50 ms", page.Load.P99Ms < 50),
            new Figure($"GET questionnaire p99, first open of a link, {Clients} clients", firstOpen.Load.P99Ms, "ms", "GET /api/health p99 (ms)", health.Load.P99Ms,
                firstOpen.Load.P99Ms / health.Load.P99Ms, "— (none set)", null),
            new Figure($"POST answer, {Clients} clients", post.Load.RequestsPerSecond, "req/s", "GET /api/health", health.Load.RequestsPerSecond,
                post.Load.RequestsPerSecond / health.Load.RequestsPerSecond, "— (none set)", null),
        ], notes);
    }

    /// <summary>Runs a load and measures the CPU time this process (host and generator) and Azurite used for it.</summary>
    private static async Task<CpuRun> CpuAsync(AzuriteServer azurite, Func<Task<LoadResult>> run)
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        var host = self.TotalProcessorTime;
        var storage = azurite.CpuTime();
        var load = await run();
        self.Refresh();
        var hostCpu = self.TotalProcessorTime - host;
        var storageCpu = azurite.CpuTime() - storage;
        return new CpuRun(load, hostCpu.TotalMilliseconds / load.Completed, storageCpu?.TotalMilliseconds / load.Completed);
    }

    /// <summary>Token rows read with GetEntityIfExistsAsync by <see cref="Clients"/> loops for a few seconds: what Azurite gives one entity read.</summary>
    private static async Task<RawReads> RawReadsAsync(WebApplication app, AzuriteServer azurite, List<string> tokens, CancellationToken cancellationToken)
    {
        var table = app.Services.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.TokensTable);
        var hashes = tokens.Select(SecretKeys.Hash).ToArray();
        var reads = 0;
        async Task LoopAsync(int client, long until, bool count)
        {
            for (var i = client; System.Diagnostics.Stopwatch.GetTimestamp() < until; i += Clients)
            {
                var hash = hashes[i % hashes.Length];
                var found = await table.GetEntityIfExistsAsync<TableEntity>(hash[..2], hash, cancellationToken: cancellationToken);
                if (!found.HasValue) throw new InvalidOperationException("a token row is missing");
                if (count) Interlocked.Increment(ref reads);
            }
        }
        var frequency = System.Diagnostics.Stopwatch.Frequency;
        var warm = System.Diagnostics.Stopwatch.GetTimestamp() + frequency;
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => LoopAsync(c, warm, count: false)));
        var storage = azurite.CpuTime();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var until = System.Diagnostics.Stopwatch.GetTimestamp() + 3 * frequency;
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => LoopAsync(c, until, count: true)));
        clock.Stop();
        return new RawReads(reads / clock.Elapsed.TotalSeconds, (azurite.CpuTime() - storage)?.TotalMilliseconds / reads);
    }

    private sealed record RawReads(double PerSecond, double? AzuriteCpuMs)
    {
        public override string ToString() => $"{PerSecond:N0} reads/s, Azurite CPU {AzuriteCpuMs:F2} ms per read";
    }

    /// <summary>A load run with its CPU cost per request (over all its requests, warm-up included).</summary>
    private sealed record CpuRun(LoadResult Load, double HostCpuMs, double? AzuriteCpuMs)
    {
        public override string ToString() =>
            $"{Load.Summary()}; CPU per request: this process (host + generator) {HostCpuMs:F2} ms, Azurite {AzuriteCpuMs:F2} ms";
    }

    private static readonly byte[] QuestionnaireMarker = "<form method=\"post\""u8.ToArray();
    private static readonly byte[] ThanksMarker = "Bedankt voor uw antwoorden"u8.ToArray();

    private static bool Contains(ReadOnlyMemory<byte> body, byte[] marker) => body.Span.IndexOf(marker) >= 0;

    private static HttpRequestMessage AnswerPost(string path, byte[] body) =>
        new(HttpMethod.Post, path)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded") } },
        };

    /// <summary>The form a browser posts from the page: every mandatory answer, the hidden form field and the language.</summary>
    private static byte[] AnswerBody(SurveyFormKey formKey, string token)
    {
        var fields = SurveyAnswers.Valid();
        fields[SurveyLinks.SurveyTokenField] = token;
        fields[SurveyFormKey.FieldName] = formKey.For(SecretKeys.Hash(token));
        fields["lang"] = "nl";
        return Encoding.ASCII.GetBytes(string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}")));
    }

    /// <summary>Registers a company, delivers its services and sends the invitations; returns the links' tokens from the mails.</summary>
    private static async Task<List<string>> InviteAsync(Uri baseUrl, string bureauKey, TestSmtpServer smtp, int needed, CancellationToken cancellationToken)
    {
        // The typed client ./kto and the integration tests use: each route is called in one way.
        using var api = new KtoApiClient(baseUrl, bureauKey, TimeSpan.FromMinutes(3));
        const string company = "bench-survey";
        (await api.AddCompanyAsync(company, "Benchmark Re-integratie", cancellationToken)).EnsureSuccess("POST /api/companies");

        // One row in a hundred has no e-mail address (ExportFile): deliver enough rows for the links needed.
        var rows = needed + needed / 99 + 1;
        const string file = "survey.csv";
        var upload = await api.UploadDeliveryAsync(company, file, ExportFile.Csv(rows, $"{company}.example"), cancellationToken);
        if (upload.Status != 202) throw new InvalidOperationException($"delivery upload: {upload.Status}");
        var receipt = (await api.WaitForReceiptAsync(company, file, TimeSpan.FromMinutes(2), cancellationToken)).Json();
        if (receipt.GetProperty("accepted").GetInt32() != rows) throw new InvalidOperationException($"delivery: {receipt}");

        smtp.Received.Clear();
        var started = (await api.StartJobAsync("send-invitations", ExportFile.MailMoment.ToString("O"), cancellationToken))
            .EnsureSuccess("POST /api/jobs/send-invitations");
        // The run goes on in the background: follow its status location to the end.
        var job = await api.WaitForJobRunAsync(started.JsonString("statusUrl")!, TimeSpan.FromMinutes(15), cancellationToken: cancellationToken);
        var tokens = smtp.Received
            .Select(m => TokenPattern().Match(m.Message.TextBody ?? "").Groups[1].Value)
            .Where(t => t.Length > 0).Distinct().ToList();
        if (tokens.Count < needed) throw new InvalidOperationException($"{tokens.Count} links from the mails, {needed} needed: {job.Body}");
        return tokens[..needed];
    }

    [GeneratedRegex(@"/s\?t=([A-Za-z0-9_-]{32})\s")]
    private static partial Regex TokenPattern();
}
