namespace Kto.Core.Accounts;

/// <summary>Server-side sessions, so signing out (or removing a user) ends them at once.</summary>
public interface ISessionStore
{
    Task SaveAsync(PortalSession session, CancellationToken cancellationToken);

    Task<PortalSession?> GetAsync(string idHash, CancellationToken cancellationToken);

    Task TouchAsync(string idHash, DateTimeOffset lastSeenAt, CancellationToken cancellationToken);

    Task DeleteAsync(string idHash, CancellationToken cancellationToken);
}
