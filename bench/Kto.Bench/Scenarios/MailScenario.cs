using System.Diagnostics;
using System.Net.Sockets;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Kto.Bench.Support;
using Kto.Core.Companies;
using Kto.Core.Deliveries;
using Kto.Core.Fieldwork;
using Kto.Infrastructure.Storage;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Kto.Bench.Scenarios;

/// <summary>
/// Scenario 5: invitations per second through the real <see cref="MailJobService"/> (throttle slot, claim, fresh
/// token, Liquid mail, MailKit SMTP, attempt recorded; Tables in Azurite) to a local SMTP server, with the throttle
/// set out of the way; against a bare MailKit loop sending the same messages over one connection. Then the real
/// throttle at <see cref="ThrottledPerMinute"/> a minute for a bounded <see cref="ThrottleWindow"/>: no 60-second
/// window may hold more mails than the limit, measured at the SMTP server's arrival times.
/// </summary>
public sealed class MailScenario : AzuriteScenario
{
    private const int Mails = 300;
    private const int Runs = 3;

    /// <summary>
    /// Rounds (pipeline and bare loop) run before the measured ones and not counted. The job runs in a long-lived host;
    /// a round of 300 mails takes under a second, and without a round before it perf showed the job's code still at the
    /// JIT's first tier in the third round, with the JIT's thread taking a sixth of the samples.
    /// </summary>
    private const int WarmUpRuns = 1;
    public const int ThrottledPerMinute = 10;
    public static readonly TimeSpan ThrottleWindow = TimeSpan.FromSeconds(70);

    public override string Name => "mail";

    /// <summary>
    /// <c>KTO_BENCH_MAIL_BATCH</c> sets <c>Kto:Mail:BatchSize</c> for the unthrottled runs (1–100); unset, the default
    /// is measured, as production runs it.
    /// </summary>
    private static int? BatchSize =>
        int.TryParse(Environment.GetEnvironmentVariable("KTO_BENCH_MAIL_BATCH"), System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 100 ? n : null;

    protected override async Task<ScenarioResult> RunAsync(AzuriteServer azurite, CancellationToken cancellationToken)
    {
        await using var smtp = new TestSmtpServer();
        var figures = new List<Figure>();
        var notes = new List<string>();
        var at = ExportFile.MailMoment;

        // Unthrottled: limits far above what a run can send.
        var unthrottled = MailSettings(smtp, 100_000, 100_000, TimeSpan.FromMinutes(8));
        if (BatchSize is { } size) unthrottled["Kto:Mail:BatchSize"] = size.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using (var services = await KtoServices.StartAsync(azurite.ConnectionString, unthrottled))
        {
            var pipelineRates = new List<double>();
            var bareRates = new List<double>();
            var cpu = new List<(double Pipeline, double? Azurite, double Bare)>(); // ms per mail: this process, Azurite; the bare loop's process
            var warmUpRates = new List<(double Pipeline, double Bare)>();
            for (var run = 1 - WarmUpRuns; run <= Runs; run++)
            {
                var warmUp = run < 1;
                var company = $"bench-mail-{run}";
                await DeliverAsync(services, company, Mails, cancellationToken);
                smtp.Received.Clear();

                var (processBefore, azuriteBefore) = (ProcessCpu(), azurite.CpuTime());
                var clock = Stopwatch.StartNew();
                var result = await services.GetRequiredService<MailJobService>().RunAsync(MailJob.SendInvitations, at, cancellationToken);
                clock.Stop();
                var (pipelineCpu, azuriteCpu) = (ProcessCpu() - processBefore, azurite.CpuTime() - azuriteBefore);
                var expected = Mails - Mails / 100; // one row in a hundred has no e-mail address
                if (result.Sent != expected || smtp.Received.Count != expected)
                    throw new InvalidOperationException($"mail run sent {result.Sent} ({result.Stopped}), server received {smtp.Received.Count}, expected {expected}");
                var pipelineRate = expected / clock.Elapsed.TotalSeconds;

                var messages = smtp.Received.Select(m => m.Message).ToList();
                smtp.Received.Clear();
                var bareBefore = ProcessCpu();
                clock.Restart();
                await BareLoopAsync(smtp.Port, messages, cancellationToken);
                clock.Stop();
                var bareRate = messages.Count / clock.Elapsed.TotalSeconds;
                if (warmUp)
                {
                    warmUpRates.Add((pipelineRate, bareRate));
                    Console.WriteLine($"mail warm-up: pipeline {pipelineRate:F1}/s, bare MailKit {bareRate:F1}/s");
                    continue;
                }
                pipelineRates.Add(pipelineRate);
                bareRates.Add(bareRate);
                cpu.Add((pipelineCpu.TotalMilliseconds / expected, azuriteCpu?.TotalMilliseconds / expected, (ProcessCpu() - bareBefore).TotalMilliseconds / messages.Count));
                Console.WriteLine($"mail run {run}: pipeline {pipelineRates[^1]:F1}/s, bare MailKit {bareRates[^1]:F1}/s");
            }
            var rate = pipelineRates.Max();
            var baseline = bareRates.Max();
            figures.Add(new Figure("invitations, unthrottled", rate, "mails/s", "bare MailKit loop", baseline, rate / baseline, "≥ 0.3", rate / baseline >= 0.3));
            var (best, bare) = (cpu[pipelineRates.IndexOf(rate)], cpu[bareRates.IndexOf(baseline)].Bare);
            notes.Add($"CPU per mail in the fastest pipeline run: this process (job, Azure SDK, MailKit client and the SMTP server it sends to) {best.Pipeline:F2} ms, " +
                $"Azurite {best.Azurite?.ToString("F2") ?? "?"} ms; in the fastest bare loop, this process (MailKit client and the same SMTP server) {bare:F2} ms. " +
                $"What limits it: the machine has {Environment.ProcessorCount} cores, and the bare loop keeps {bare * baseline / 1000:F1} of them busy with the SMTP client and server alone; " +
                "the pipeline does that same SMTP work and adds " +
                "its storage (Azurite's CPU, and the Azure SDK's in this process), with the mail waiting on each storage round trip (claim before the batch's mails, attempts after).");
            notes.Add($"Unthrottled: {Mails} services per run ({Mails - Mails / 100} with e-mail), BatchSize {BatchSize?.ToString() ?? $"{new Kto.Core.Settings.MailSettings().BatchSize} (the default)"}, best of {Runs} after {WarmUpRuns} warm-up round (not counted: {string.Join(", ", warmUpRates.Select(w => $"pipeline {w.Pipeline:F1}/s, bare {w.Bare:F0}/s"))}). Pipeline per run: {string.Join(", ", pipelineRates.Select(r => $"{r:F1}/s"))}; bare MailKit loop (same messages, one connection, Nagle off): {string.Join(", ", bareRates.Select(r => $"{r:F0}/s"))}.");
        }

        // Throttled: the real TableMailThrottle with a small per-minute limit over a bounded window.
        await ResetThrottleAsync(azurite.ConnectionString, cancellationToken);
        await using (var services = await KtoServices.StartAsync(azurite.ConnectionString, MailSettings(smtp, ThrottledPerMinute, 100, ThrottleWindow)))
        {
            await DeliverAsync(services, "bench-mail-throttled", 100, cancellationToken);
            smtp.Received.Clear();
            var started = Stopwatch.GetTimestamp();
            var result = await services.GetRequiredService<MailJobService>().RunAsync(MailJob.SendInvitations, at, cancellationToken);
            var ran = Stopwatch.GetElapsedTime(started);
            var rest = ThrottleWindow - ran;
            if (rest > TimeSpan.Zero) await Task.Delay(rest, cancellationToken); // anything late still counts in the window

            var arrivals = smtp.Received.Select(m => Stopwatch.GetElapsedTime(started, m.Arrived)).Where(t => t <= ThrottleWindow).Order().ToList();
            var busiest = BusiestMinute(arrivals);
            var perMinute = arrivals.Count / ThrottleWindow.TotalMinutes;
            var met = busiest == ThrottledPerMinute;
            figures.Add(new Figure($"throttle at {ThrottledPerMinute}/min: most mails in any 60 s", busiest, "mails",
                "the limit", ThrottledPerMinute, (double)busiest / ThrottledPerMinute, $"= {ThrottledPerMinute} (never more, not fewer)", met));
            notes.Add($"Throttled: MaxPerMinute={ThrottledPerMinute} (default is 30; smaller here to keep the run short), MaxPerHour=100, RunTimeLimit={ThrottleWindow.TotalSeconds:F0} s. " +
                $"The run sent {result.Sent} and stopped \"{result.Stopped}\" after {ran.TotalSeconds:F1} s; {arrivals.Count} mails arrived within {ThrottleWindow.TotalSeconds:F0} s " +
                $"(achieved {perMinute:F1}/min averaged over the window); busiest 60 s window: {busiest}; arrival times (s): {string.Join(", ", arrivals.Select(a => a.TotalSeconds.ToString("F2")))}.");
        }
        return new ScenarioResult(Name, figures, notes);
    }

    /// <summary>The largest number of arrivals in any half-open 60-second window [t, t + 60 s).</summary>
    public static int BusiestMinute(IReadOnlyList<TimeSpan> sorted)
    {
        var best = 0;
        for (int first = 0, last = 0; first < sorted.Count; first++)
        {
            while (last < sorted.Count && sorted[last] - sorted[first] < TimeSpan.FromSeconds(60)) last++;
            best = Math.Max(best, last - first);
        }
        return best;
    }

    private static Dictionary<string, string?> MailSettings(TestSmtpServer smtp, int perMinute, int perHour, TimeSpan runLimit) => new()
    {
        ["Kto:Mail:Host"] = "127.0.0.1",
        ["Kto:Mail:Port"] = smtp.Port.ToString(),
        ["Kto:Mail:Security"] = "None",
        ["Kto:Mail:MaxPerMinute"] = perMinute.ToString(),
        ["Kto:Mail:MaxPerHour"] = perHour.ToString(),
        ["Kto:Mail:RunTimeLimit"] = runLimit.ToString(),
    };

    /// <summary>A registered company with a delivery of <paramref name="rows"/> services (through the real ingest).</summary>
    private static async Task DeliverAsync(IServiceProvider services, string company, int rows, CancellationToken cancellationToken)
    {
        var registration = await services.GetRequiredService<CompanyService>().RegisterAsync("benchmark", company, "Benchmark Re-integratie " + company, cancellationToken);
        if (registration.Company is null) throw new InvalidOperationException($"Registration refused: {registration.Error}");
        var blob = services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(StorageNames.DeliveriesContainer)
            .GetBlobClient($"{company}/mail.csv");
        await blob.UploadAsync(new BinaryData(ExportFile.Csv(rows, $"{company}.example")), overwrite: true, cancellationToken);
        var content = await BlobDeliveryContent.OpenAsync(blob, cancellationToken) ?? throw new InvalidOperationException("blob gone");
        var receipt = await services.GetRequiredService<DeliveryIngestService>().IngestAsync(company, "mail.csv", content, cancellationToken);
        if (receipt.Accepted != rows) throw new InvalidOperationException($"delivery for {company}: {receipt.Accepted} of {rows} accepted");
    }

    private static async Task BareLoopAsync(int port, List<MimeMessage> messages, CancellationToken cancellationToken)
    {
        // The best a sender could do: one connection, Nagle off (as SmtpMailSender connects), nothing but SendAsync.
        using var client = new SmtpClient { Timeout = 30_000 };
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync("127.0.0.1", port, cancellationToken);
        await client.ConnectAsync(socket, "127.0.0.1", port, SecureSocketOptions.None, cancellationToken);
        foreach (var message in messages) await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }

    private static TimeSpan ProcessCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    private static async Task ResetThrottleAsync(string storage, CancellationToken cancellationToken) =>
        await new TableServiceClient(storage).GetTableClient(StorageNames.JobStateTable)
            .DeleteEntityAsync("mail-throttle", "sends", cancellationToken: cancellationToken);
}
