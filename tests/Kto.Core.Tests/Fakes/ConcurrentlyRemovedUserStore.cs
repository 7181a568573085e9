using Kto.Core.Accounts;

namespace Kto.Core.Tests.Fakes;

/// <summary>
/// A user store in which another removal wins the race: each user read is removed by "someone else" right after it is
/// read, so the caller's own delete finds nothing.
/// </summary>
public sealed class ConcurrentlyRemovedUserStore(IUserStore inner) : IUserStore
{
    public async Task<PortalUser?> GetAsync(string email, CancellationToken cancellationToken)
    {
        var user = await inner.GetAsync(email, cancellationToken);
        if (user is not null) await inner.RemoveAsync(user.Email, cancellationToken);
        return user;
    }

    public Task<bool> TryAddAsync(PortalUser user, CancellationToken cancellationToken) => inner.TryAddAsync(user, cancellationToken);
    public Task<bool> RemoveAsync(string email, CancellationToken cancellationToken) => inner.RemoveAsync(email, cancellationToken);
    public Task<IReadOnlyList<PortalUser>> ListAsync(CancellationToken cancellationToken) => inner.ListAsync(cancellationToken);
    public Task<bool> SetDigestOptOutAsync(string email, bool optOut, CancellationToken cancellationToken) => inner.SetDigestOptOutAsync(email, optOut, cancellationToken);
}
