using System.Collections.Concurrent;
using Kto.Core.Settings;

namespace Kto.Core.Survey;

/// <summary>
/// Slows down guessing of links: a sliding one-minute window of unknown or malformed tokens per client address.
/// In memory and per instance (each Functions instance counts on its own): it stops bursts, not a distributed
/// attack; the 192-bit tokens are what make guessing hopeless. Memory is capped: once
/// <see cref="MaxTrackedClients"/> addresses are counted and none is idle, further addresses share one counter
/// (<see cref="OverflowKey"/>), so a flood of addresses slows itself down instead of growing the table.
/// </summary>
public sealed class UnknownTokenLimiter(SurveySettings settings, TimeProvider time, int maxTrackedClients = UnknownTokenLimiter.DefaultMaxTrackedClients)
{
    public const int DefaultMaxTrackedClients = 10_000;
    public const string OverflowKey = "overflow";
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> misses = new();
    private readonly Lock admission = new();

    public int MaxTrackedClients => maxTrackedClients;

    /// <summary>How many counters are held now (never more than <see cref="MaxTrackedClients"/> + 1).</summary>
    public int TrackedClients => misses.Count;

    /// <summary>How long this client must wait after its next miss, or null when it may still miss now.</summary>
    public TimeSpan? RetryAfter(string client)
    {
        if (!misses.TryGetValue(client, out var queue) && !misses.TryGetValue(OverflowKey, out queue)) return null;
        lock (queue)
        {
            var now = time.GetUtcNow();
            DropExpired(queue, now);
            if (queue.Count < settings.UnknownTokensPerMinute) return null;
            // Positive: DropExpired left only misses whose window ends after now.
            return queue.Peek() + Window - now;
        }
    }

    public void RecordMiss(string client)
    {
        var queue = QueueOf(client);
        lock (queue)
        {
            var now = time.GetUtcNow();
            DropExpired(queue, now);
            // Never more entries than the limit needs: the counter of one address stays small.
            if (queue.Count < settings.UnknownTokensPerMinute) queue.Enqueue(now);
        }
    }

    private Queue<DateTimeOffset> QueueOf(string client)
    {
        if (misses.TryGetValue(client, out var known)) return known;
        lock (admission)
        {
            if (misses.Count >= maxTrackedClients) ForgetIdleClients();
            var key = misses.Count >= maxTrackedClients ? OverflowKey : client;
            return misses.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
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
