namespace Kto.Core.Accounts;

/// <summary>Where portal accounts are kept.</summary>
public interface IUserStore
{
    /// <summary>Adds the user; false when the address has an account already (nothing is changed then).</summary>
    Task<bool> TryAddAsync(PortalUser user, CancellationToken cancellationToken);

    Task<PortalUser?> GetAsync(string email, CancellationToken cancellationToken);

    Task<bool> RemoveAsync(string email, CancellationToken cancellationToken);

    Task<IReadOnlyList<PortalUser>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Sets whether the user gets the weekly digest; false when the account does not exist (any more).</summary>
    Task<bool> SetDigestOptOutAsync(string email, bool optOut, CancellationToken cancellationToken);
}
