using System.Collections.Concurrent;
using Kto.Core.Survey;

namespace Kto.Infrastructure.Storage;

/// <summary>
/// The token rows this process found lately. A token row never changes once written (a token is random and names
/// one service for good), so a link opened again (the page, then its answers, a reload, the opt-out page) costs
/// only its service row, which is always read fresh. Only found rows are kept: a miss is read again every time.
/// Entries last <see cref="Lifetime"/>: retention deletes a year's tokens through <see cref="Forget"/> in the
/// process that runs it, so another instance may still find such a link for at most that long, and then shows the
/// service's current state (for a year past retention: fieldwork closed).
/// </summary>
public sealed class RecentTokens(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>About 2 MB at most; when full, the expired entries go, and when none has expired, all of them.</summary>
    public const int Capacity = 20_000;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public bool TryGet(string tokenHash, out ServiceRef service, out TokenPurpose purpose)
    {
        if (entries.TryGetValue(tokenHash, out var entry) && entry.Until > time.GetUtcNow())
        {
            (service, purpose) = (entry.Service, entry.Purpose);
            return true;
        }
        (service, purpose) = (default, default);
        return false;
    }

    public void Remember(string tokenHash, ServiceRef service, TokenPurpose purpose)
    {
        var now = time.GetUtcNow();
        if (entries.Count >= Capacity) MakeRoom(now);
        entries[tokenHash] = new Entry(service, purpose, now + Lifetime);
    }

    public void Forget(string tokenHash) => entries.TryRemove(tokenHash, out _);

    public int Count => entries.Count;

    private void MakeRoom(DateTimeOffset now)
    {
        foreach (var (hash, entry) in entries)
            if (entry.Until <= now) entries.TryRemove(hash, out _);
        if (entries.Count >= Capacity) entries.Clear();
    }

    private readonly record struct Entry(ServiceRef Service, TokenPurpose Purpose, DateTimeOffset Until);
}
