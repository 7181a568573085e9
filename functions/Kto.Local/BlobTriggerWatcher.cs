using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Azure.Functions.Worker;

namespace Kto.Local;

/// <summary>
/// Stands in for Event Grid on one machine: polls the containers named in blob triggers and calls the function
/// once per blob content (name + ETag). Like the Functions host it retries a failing blob a few times, then
/// leaves it alone, and it remembers what it handled in blob receipts (as the host does, in its own
/// <c>azure-webjobs-hosts</c> container), so a restart does not run every blob again. Blobs run in lanes by their
/// first path segment (for deliveries: the company), one at a time per lane and lanes side by side, so one
/// company's slow file never holds up another company's file.
/// </summary>
public sealed class BlobTriggerWatcher(
    FunctionCatalog catalog,
    FunctionInvoker invoker,
    BlobServiceClient blobs,
    LocalHostSettings settings,
    ILogger<BlobTriggerWatcher> logger) : BackgroundService
{
    /// <summary>The Functions host's default for blob triggers (maxDequeueCount).</summary>
    private const int MaxAttempts = 5;

    /// <summary>The Functions host's container for its own bookkeeping; receipts go under <c>blobreceipts/</c>.</summary>
    private const string HostContainer = "azure-webjobs-hosts";
    private const string HostId = "kto-local";
    private const string ReceiptEtag = "ETag";

    private readonly ConcurrentDictionary<string, int> attempts = new();
    private readonly ConcurrentDictionary<string, bool> handled = new();
    private readonly ConcurrentDictionary<string, Task> lanes = new();
    private readonly SemaphoreSlim slots = new(Math.Max(1, settings.MaxParallelBlobs));
    private readonly BlobContainerClient receipts = blobs.GetBlobContainerClient(HostContainer);
    private bool receiptsReady;

    /// <summary>The blob paths this watcher serves, one per blob-triggered function (the host-drift test reads these).</summary>
    public static IEnumerable<(FunctionMethod Function, string BlobPath)> WatchedPaths(FunctionCatalog catalog) =>
        catalog.WithTrigger<BlobTriggerAttribute>().Select(t => (t.Function, t.Trigger.BlobPath!));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var watches = WatchedPaths(catalog).Select(w => Watch.From(w.Function, w.BlobPath)).ToList();
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var watch in watches)
            {
                try
                {
                    await PollAsync(watch, stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning("Polling {Container} failed: {Error}", watch.Container, e.Message);
                }
            }
            try { await Task.Delay(settings.BlobPollInterval, stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
        try { await Task.WhenAll(lanes.Values); }
        catch (OperationCanceledException) { }
    }

    /// <summary>Finds blobs not handled yet and hands them to their lanes; a busy lane gets its new blobs on a later poll.</summary>
    private async Task PollAsync(Watch watch, CancellationToken cancellationToken)
    {
        if (!receiptsReady)
        {
            await receipts.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            receiptsReady = true;
        }
        var container = blobs.GetBlobContainerClient(watch.Container);
        var waiting = new Dictionary<string, List<Pending>>(StringComparer.Ordinal);
        await foreach (var item in container.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            var blob = new Pending(item.Name, item.Properties.ETag?.ToString().Trim('"') ?? "", watch.Match(item.Name));
            if (handled.ContainsKey(blob.Id)) continue;
            var lane = $"{watch.Function.Name}|{watch.Container}|{item.Name.Split('/')[0]}";
            if (lanes.ContainsKey(lane)) continue;
            if (blob.Values is null || await HasReceiptAsync(watch, blob, cancellationToken))
            {
                handled[blob.Id] = true;
                continue;
            }
            if (!waiting.TryGetValue(lane, out var list)) waiting[lane] = list = [];
            list.Add(blob);
        }

        foreach (var (lane, list) in waiting)
        {
            var run = Task.Run(() => RunLaneAsync(watch, container, list, cancellationToken), CancellationToken.None);
            lanes[lane] = run;
            _ = run.ContinueWith(_ => lanes.TryRemove(lane, out var _), TaskScheduler.Default);
        }
    }

    private async Task RunLaneAsync(Watch watch, BlobContainerClient container, List<Pending> list, CancellationToken cancellationToken)
    {
        foreach (var blob in list)
        {
            if (cancellationToken.IsCancellationRequested) return;
            await slots.WaitAsync(cancellationToken);
            try
            {
                await RunAsync(watch, container, blob, cancellationToken);
            }
            finally
            {
                slots.Release();
            }
        }
    }

    private async Task RunAsync(Watch watch, BlobContainerClient container, Pending blob, CancellationToken cancellationToken)
    {
        var byType = new Dictionary<Type, object> { [typeof(BlobClient)] = container.GetBlobClient(blob.Name) };
        try
        {
            await invoker.InvokeAsync(watch.Function, byType, blob.Values!, cancellationToken);
            // Not cancellable: a host stopping right after a run still records it, or its restart would run it again.
            await WriteReceiptAsync(watch, blob, CancellationToken.None);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var count = attempts.AddOrUpdate(blob.Id, 1, (_, n) => n + 1);
            // The type only: exceptions from a parser may quote file content, which can be personal data.
            logger.LogError("{Function} failed for {Container}/{Blob} (attempt {Attempt} of {Max}): {ErrorType}",
                watch.Function.Name, watch.Container, blob.Name, count, MaxAttempts, e.GetType().Name);
            if (count >= MaxAttempts)
            {
                try { await WriteReceiptAsync(watch, blob, cancellationToken); }
                catch (RequestFailedException) { handled[blob.Id] = true; }
            }
        }
    }

    private string ReceiptName(Watch watch, Pending blob) => $"blobreceipts/{HostId}/{watch.Function.Name}/{watch.Container}/{blob.Name}";

    private async Task<bool> HasReceiptAsync(Watch watch, Pending blob, CancellationToken cancellationToken)
    {
        try
        {
            var properties = await receipts.GetBlobClient(ReceiptName(watch, blob)).GetPropertiesAsync(cancellationToken: cancellationToken);
            return properties.Value.Metadata.TryGetValue(ReceiptEtag, out var etag) && etag == blob.ETag;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    private async Task WriteReceiptAsync(Watch watch, Pending blob, CancellationToken cancellationToken)
    {
        await receipts.GetBlobClient(ReceiptName(watch, blob)).UploadAsync(BinaryData.Empty,
            new BlobUploadOptions { Metadata = new Dictionary<string, string> { [ReceiptEtag] = blob.ETag } }, cancellationToken);
        handled[blob.Id] = true;
    }

    /// <summary>A blob seen by a poll: its name, content version and the path values the function binds.</summary>
    private sealed record Pending(string Name, string ETag, IReadOnlyDictionary<string, string?>? Values)
    {
        public string Id => $"{Name}|{ETag}";
    }

    /// <summary>A blob path like <c>deliveries/{company}/{name}</c> as a container and a matcher for blob names.</summary>
    private sealed record Watch(FunctionMethod Function, string Container, Regex Pattern, string[] Names)
    {
        public static Watch From(FunctionMethod function, string blobPath)
        {
            var slash = blobPath.IndexOf('/');
            var container = blobPath[..slash];
            var rest = blobPath[(slash + 1)..];
            var names = Regex.Matches(rest, @"\{(\w+)\}").Select(m => m.Groups[1].Value).ToArray();
            var regex = "^" + Regex.Replace(Regex.Escape(rest).Replace(@"\{", "{"), @"\{(\w+)}",
                m => names[^1] == m.Groups[1].Value ? $"(?<{m.Groups[1].Value}>.+)" : $"(?<{m.Groups[1].Value}>[^/]+)") + "$";
            return new Watch(function, container, new Regex(regex), names);
        }

        public IReadOnlyDictionary<string, string?>? Match(string blobName)
        {
            var match = Pattern.Match(blobName);
            return match.Success ? Names.ToDictionary(n => n, n => (string?)match.Groups[n].Value) : null;
        }
    }
}
