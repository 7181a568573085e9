using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;

namespace Kto.Local;

/// <summary>
/// Stands in for Event Grid on one machine: polls the containers named in blob triggers and calls the function
/// once per blob content (name + ETag). Like the Functions host it retries a failing blob a few times, then
/// leaves it alone. The functions are idempotent themselves, so a restart that sees a blob again is harmless.
/// </summary>
public sealed class BlobTriggerWatcher(
    FunctionCatalog catalog,
    FunctionInvoker invoker,
    BlobServiceClient blobs,
    LocalHostSettings settings,
    ILogger<BlobTriggerWatcher> logger) : BackgroundService
{
    private const int MaxAttempts = 5;
    private readonly ConcurrentDictionary<string, int> attempts = new();
    private readonly HashSet<string> done = [];

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
    }

    private async Task PollAsync(Watch watch, CancellationToken cancellationToken)
    {
        var container = blobs.GetBlobContainerClient(watch.Container);
        await foreach (var item in container.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            var id = $"{item.Name}|{item.Properties.ETag}";
            if (done.Contains(id)) continue;
            var values = watch.Match(item.Name);
            if (values is null) { done.Add(id); continue; }

            var byType = new Dictionary<Type, object> { [typeof(BlobClient)] = container.GetBlobClient(item.Name) };
            try
            {
                await invoker.InvokeAsync(watch.Function, byType, values, cancellationToken);
                done.Add(id);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                var count = attempts.AddOrUpdate(id, 1, (_, n) => n + 1);
                // The message only: exceptions from a parser may quote file content, which can be personal data.
                logger.LogError("{Function} failed (attempt {Attempt} of {Max}): {ErrorType}",
                    watch.Function.Name, count, MaxAttempts, e.GetType().Name);
                if (count >= MaxAttempts) done.Add(id);
            }
        }
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
