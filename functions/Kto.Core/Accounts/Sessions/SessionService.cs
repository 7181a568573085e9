using Kto.Core.Access;
using Kto.Core.Settings;

namespace Kto.Core.Accounts;

/// <summary>
/// Who a session cookie belongs to. A session ends after the idle timeout, after its absolute lifetime, at sign-out,
/// and as soon as its user is removed (the user is read on every request).
/// </summary>
public sealed class SessionService(ISessionStore sessions, IUserStore users, IAuditLog audit, PortalSettings settings, TimeProvider time)
{
    /// <summary>Last-seen is written at most this often, not on every page.</summary>
    private static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(1);

    public async Task<SessionLookup> ResolveAsync(string? sessionId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(sessionId)) return SessionLookup.None;
        var hash = SecretKeys.Hash(sessionId);
        var session = await sessions.GetAsync(hash, cancellationToken);
        if (session is null) return SessionLookup.Ended;

        var now = time.GetUtcNow();
        if (now - session.LastSeenAt > settings.SessionIdleTimeout || now - session.CreatedAt > settings.SessionLifetime)
        {
            await sessions.DeleteAsync(hash, cancellationToken);
            return SessionLookup.Ended;
        }
        var user = await users.GetAsync(session.Email, cancellationToken);
        if (user is null)
        {
            await sessions.DeleteAsync(hash, cancellationToken);
            return SessionLookup.Ended;
        }
        if (now - session.LastSeenAt > TouchEvery) await sessions.TouchAsync(hash, now, cancellationToken);
        return new SessionLookup(SessionState.Active, user);
    }

    public async Task SignOutAsync(string sessionId, PortalUser user, CancellationToken cancellationToken)
    {
        await sessions.DeleteAsync(SecretKeys.Hash(sessionId), cancellationToken);
        await audit.WriteAsync(new AuditEntry(time.GetUtcNow(), user.Email, AuditActions.SignedOut, user.CompanyId, "Uitgelogd"), cancellationToken);
    }
}

public enum SessionState { None, Ended, Active }

public sealed record SessionLookup(SessionState State, PortalUser? User = null)
{
    public static SessionLookup None { get; } = new(SessionState.None);
    public static SessionLookup Ended { get; } = new(SessionState.Ended);
}
