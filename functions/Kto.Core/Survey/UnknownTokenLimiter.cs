using System.Collections.Concurrent;
using Kto.Core.Settings;

namespace Kto.Core.Survey;

/// <summary>
/// Slows down guessing of links: a sliding one-minute window of unknown or malformed tokens per client address.
/// In memory and per instance (each Functions instance counts on its own): it stops bursts, not a distributed
/// attack; the 192-bit tokens are what make guessing hopeless.
/// </summary>
public sealed class UnknownTokenLimiter(SurveySettings settings, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private const int MaxTrackedClients = 10_000;
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> misses = new();

    /// <summary>How long this client must wait, or null when it may try a token now.</summary>
    public TimeSpan? RetryAfter(string client)
    {
        if (!misses.TryGetValue(client, out var queue)) return null;
        lock (queue)
        {
            var now = time.GetUtcNow();
            DropExpired(queue, now);
            if (queue.Count < settings.UnknownTokensPerMinute) return null;
            var wait = queue.Peek() + Window - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1);
        }
    }

    public void RecordMiss(string client)
    {
        if (misses.Count >= MaxTrackedClients) ForgetIdleClients();
        var queue = misses.GetOrAdd(client, _ => new Queue<DateTimeOffset>());
        lock (queue)
        {
            var now = time.GetUtcNow();
            DropExpired(queue, now);
            queue.Enqueue(now);
        }
    }

    private static void DropExpired(Queue<DateTimeOffset> queue, DateTimeOffset now)
    {
        while (queue.Count > 0 && queue.Peek() + Window <= now) queue.Dequeue();
    }

    private void ForgetIdleClients()
    {
        var now = time.GetUtcNow();
        foreach (var (client, queue) in misses)
        {
            lock (queue)
            {
                DropExpired(queue, now);
                if (queue.Count == 0) misses.TryRemove(client, out _);
            }
        }
    }
}
