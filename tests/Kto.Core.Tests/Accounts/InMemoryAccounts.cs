using System.Collections.Concurrent;
using Kto.Core.Accounts;

namespace Kto.Core.Tests.Accounts;

/// <summary>In-memory stores for the account services' unit tests (the Table adapters are tested against Azurite).</summary>
public sealed class InMemoryAccounts : IUserStore, ISessionStore, ISignInLinkStore, IAuditLog, ISignInMailer
{
    public ConcurrentDictionary<string, PortalUser> Users { get; } = new();
    public ConcurrentDictionary<string, PortalSession> Sessions { get; } = new();
    public ConcurrentDictionary<string, (string Email, DateTimeOffset Created, DateTimeOffset Expires, bool Used)> Links { get; } = new();
    public ConcurrentQueue<AuditEntry> Audit { get; } = new();
    public ConcurrentQueue<(string Email, string Link)> Mails { get; } = new();

    public Task<bool> TryAddAsync(PortalUser user, CancellationToken cancellationToken) => Task.FromResult(Users.TryAdd(user.Email, user));
    public Task<PortalUser?> GetAsync(string email, CancellationToken cancellationToken) => Task.FromResult(Users.GetValueOrDefault(PortalUser.Normalize(email)));
    public Task<bool> RemoveAsync(string email, CancellationToken cancellationToken) => Task.FromResult(Users.TryRemove(email, out _));
    public Task<IReadOnlyList<PortalUser>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<PortalUser>>(Users.Values.ToList());
    public Task<bool> SetDigestOptOutAsync(string email, bool optOut, CancellationToken cancellationToken)
    {
        if (!Users.TryGetValue(PortalUser.Normalize(email), out var user)) return Task.FromResult(false);
        Users[user.Email] = user with { DigestOptOut = optOut };
        return Task.FromResult(true);
    }

    public Task SaveAsync(PortalSession session, CancellationToken cancellationToken) { Sessions[session.IdHash] = session; return Task.CompletedTask; }
    Task<PortalSession?> ISessionStore.GetAsync(string idHash, CancellationToken cancellationToken) => Task.FromResult(Sessions.GetValueOrDefault(idHash));
    public Task TouchAsync(string idHash, DateTimeOffset lastSeenAt, CancellationToken cancellationToken)
    {
        if (Sessions.TryGetValue(idHash, out var s)) Sessions[idHash] = s with { LastSeenAt = lastSeenAt };
        return Task.CompletedTask;
    }
    public Task DeleteAsync(string idHash, CancellationToken cancellationToken) { Sessions.TryRemove(idHash, out _); return Task.CompletedTask; }

    public Task SaveAsync(string tokenHash, string email, DateTimeOffset createdAt, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        Links[tokenHash] = (email, createdAt, expiresAt, false);
        return Task.CompletedTask;
    }
    public ConcurrentQueue<(string Email, DateTimeOffset At)> Requests { get; } = new();
    public ConcurrentDictionary<string, int> SourceCounts { get; } = new();
    public ConcurrentDictionary<string, (QueuedSignInMail Mail, DateTimeOffset ClaimedUntil)> Outbox { get; } = new();

    public Task RecordRequestAsync(string email, DateTimeOffset at, CancellationToken cancellationToken) { Requests.Enqueue((email, at)); return Task.CompletedTask; }
    public Task<int> CountSinceAsync(string email, DateTimeOffset since, CancellationToken cancellationToken) =>
        Task.FromResult(Requests.Count(r => r.Email == email && r.At >= since));
    public Task<bool> TryCountSourceAsync(string sourceKey, DateTimeOffset window, int limit, CancellationToken cancellationToken)
    {
        var key = $"{sourceKey}_{window.UtcTicks}";
        lock (SourceCounts)
        {
            var count = SourceCounts.GetValueOrDefault(key);
            if (count >= limit) return Task.FromResult(false);
            SourceCounts[key] = count + 1;
            return Task.FromResult(true);
        }
    }
    public Task<string> EnqueueMailAsync(string email, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString("N");
        Outbox[id] = (new QueuedSignInMail(id, email, at), DateTimeOffset.MinValue);
        return Task.FromResult(id);
    }
    /// <summary>Each claim's moment and end, in order.</summary>
    public ConcurrentQueue<(DateTimeOffset Now, DateTimeOffset Until)> Claims { get; } = new();
    /// <summary>Each purge's cut-off, in order.</summary>
    public ConcurrentQueue<DateTimeOffset> Purges { get; } = new();

    public Task<QueuedSignInMail?> ClaimMailAsync(string id, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        Claims.Enqueue((now, until));
        if (!Outbox.TryGetValue(id, out var entry) || entry.ClaimedUntil > now) return Task.FromResult<QueuedSignInMail?>(null);
        Outbox[id] = entry with { ClaimedUntil = until };
        return Task.FromResult<QueuedSignInMail?>(entry.Mail);
    }
    public Task CompleteMailAsync(string id, CancellationToken cancellationToken) { Outbox.TryRemove(id, out _); return Task.CompletedTask; }
    public Task<IReadOnlyList<string>> QueuedMailsAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(Outbox.Values.Where(e => e.Mail.RequestedAt < before).Select(e => e.Mail.Id).ToList());
    public Task PurgeSourceCountsAsync(DateTimeOffset before, CancellationToken cancellationToken) { Purges.Enqueue(before); return Task.CompletedTask; }
    public Task<(SignInLinkUse Use, string? Email)> UseAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!Links.TryGetValue(tokenHash, out var l)) return Task.FromResult((SignInLinkUse.Unknown, (string?)null));
        if (l.Used) return Task.FromResult((SignInLinkUse.AlreadyUsed, (string?)null));
        if (now >= l.Expires) return Task.FromResult((SignInLinkUse.Expired, (string?)null));
        Links[tokenHash] = l with { Used = true };
        return Task.FromResult((SignInLinkUse.Valid, (string?)l.Email));
    }

    public Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken) { Audit.Enqueue(entry); return Task.CompletedTask; }
    public Task<IReadOnlyList<AuditEntry>> RecentAsync(int count, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AuditEntry>>(Audit.Reverse().Take(count).ToList());

    public Task<bool> SendAsync(string email, string link, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        Mails.Enqueue((email, link));
        return Task.FromResult(true);
    }
}
