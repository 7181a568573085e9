using System.Diagnostics;
using System.Net;

namespace Kto.Bench.Support;

/// <summary>
/// A closed-loop HTTP load generator in the manner of wrk: <see cref="Clients"/> clients, each with its own
/// keep-alive connection, each sending its next request as soon as the last response was read in full. Requests
/// started during the warm-up are not recorded; every request started in the measured window is, with its whole
/// latency (send to last body byte), so p50/p99 are exact (sorted), not estimated from buckets.
/// </summary>
public sealed class LoadGenerator(Uri baseAddress, int clients)
{
    public int Clients => clients;

    /// <param name="next">The request a client sends next (called with the client's index), or null when there is no more work (a bounded pool).</param>
    /// <param name="isSuccess">Whether a response is the expected one (status and body); anything else counts as an error.</param>
    public async Task<LoadResult> RunAsync(Func<int, HttpRequestMessage?> next, Func<HttpStatusCode, ReadOnlyMemory<byte>, bool> isSuccess,
        TimeSpan warmup, TimeSpan duration, CancellationToken cancellationToken)
    {
        var connections = Enumerable.Range(0, clients).Select(_ => NewClient()).ToList();
        try
        {
            var started = Stopwatch.GetTimestamp();
            var windowStart = started + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
            var windowEnd = windowStart + (long)(duration.TotalSeconds * Stopwatch.Frequency);
            var runs = connections.Select((client, index) => Task.Run(
                () => ClientLoopAsync(client, index, next, isSuccess, windowStart, windowEnd, cancellationToken), cancellationToken)).ToList();
            var perClient = await Task.WhenAll(runs);

            var latencies = perClient.SelectMany(c => c.Latencies).Order().ToArray();
            var errors = perClient.Sum(c => c.Errors);
            var firstError = perClient.Select(c => c.FirstError).FirstOrDefault(e => e is not null);
            // The window lasts until the last recorded request finished: a little past its end on a timed run
            // (requests started before the end are kept whole), earlier when a bounded pool ran out.
            var lastDone = perClient.Max(c => c.LastDone);
            var measured = Stopwatch.GetElapsedTime(windowStart, Math.Max(lastDone, windowStart + 1));
            return new LoadResult(latencies, errors, firstError, measured, perClient.Sum(c => c.Completed));
        }
        finally
        {
            foreach (var client in connections) client.Dispose();
        }
    }

    private HttpClient NewClient() =>
        // One connection per client, kept alive for the whole run, as wrk's connections are.
        new(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 1,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
        })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };

    private static async Task<ClientResult> ClientLoopAsync(HttpClient client, int index, Func<int, HttpRequestMessage?> next,
        Func<HttpStatusCode, ReadOnlyMemory<byte>, bool> isSuccess, long windowStart, long windowEnd, CancellationToken cancellationToken)
    {
        var result = new ClientResult();
        // One buffer per client, reused: the generator shares the process with the host, and a fresh array per response
        // (a large object for a page over 85 KB) would add the generator's garbage collections to the host's CPU.
        var buffer = new byte[64 * 1024];
        while (!cancellationToken.IsCancellationRequested)
        {
            var begin = Stopwatch.GetTimestamp();
            if (begin >= windowEnd) break;
            using var request = next(index);
            if (request is null) break;
            HttpStatusCode status;
            ReadOnlyMemory<byte> body;
            try
            {
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                status = response.StatusCode;
                await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
                var length = 0;
                while (true)
                {
                    if (length == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
                    var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
                    if (read == 0) break;
                    length += read;
                }
                body = buffer.AsMemory(0, length);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                status = 0;
                body = ReadOnlyMemory<byte>.Empty;
                result.FirstError ??= e.Message;
            }
            var done = Stopwatch.GetTimestamp();
            result.Completed++;
            // Errors count in the warm-up too: a run with any wrong response is not a measurement of the page.
            if (!isSuccess(status, body))
            {
                result.Errors++;
                result.FirstError ??= $"{(int)status} {status}";
            }
            if (begin < windowStart) continue;
            result.Latencies.Add(done - begin);
            result.LastDone = Math.Max(result.LastDone, done);
        }
        return result;
    }

    private sealed class ClientResult
    {
        public List<long> Latencies { get; } = new(16_384);
        public int Errors { get; set; }
        public int Completed { get; set; }
        public string? FirstError { get; set; }
        public long LastDone { get; set; }
    }
}

/// <param name="Latencies">Every recorded request's latency in <see cref="Stopwatch"/> ticks, sorted.</param>
/// <param name="Measured">From the window's start until the last recorded request finished.</param>
/// <param name="Completed">All requests, warm-up included (for costs measured over the whole run).</param>
public sealed record LoadResult(long[] Latencies, int Errors, string? FirstError, TimeSpan Measured, int Completed)
{
    public int Requests => Latencies.Length;

    public double RequestsPerSecond => Requests / Measured.TotalSeconds;

    public double P50Ms => PercentileMs(0.50);

    public double P99Ms => PercentileMs(0.99);

    public double MaxMs => Latencies.Length == 0 ? double.NaN : Ms(Latencies[^1]);

    /// <summary>Nearest-rank percentile: the smallest latency with at least <paramref name="p"/> of all at or below it.</summary>
    public double PercentileMs(double p) =>
        Latencies.Length == 0 ? double.NaN : Ms(Latencies[Math.Clamp((int)Math.Ceiling(p * Latencies.Length) - 1, 0, Latencies.Length - 1)]);

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    public string Summary() =>
        $"{Requests:N0} requests in {Measured.TotalSeconds:F1} s = {RequestsPerSecond:N0}/s, p50 {P50Ms:F1} ms, p99 {P99Ms:F1} ms, max {MaxMs:F1} ms, {Errors} errors";
}
