namespace Kto.Core.Accounts;

/// <summary>Sign-in links by the SHA-256 of their token (the token itself is only in the mail).</summary>
public interface ISignInLinkStore
{
    Task SaveAsync(string tokenHash, string email, DateTimeOffset createdAt, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>How many links were made for this address since <paramref name="since"/> (the per-address rate limit).</summary>
    Task<int> CountSinceAsync(string email, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Marks the link used, once: a second caller (or a concurrent one) gets <see cref="SignInLinkUse.AlreadyUsed"/>.</summary>
    Task<(SignInLinkUse Use, string? Email)> UseAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken);
}

public enum SignInLinkUse { Valid, Unknown, Expired, AlreadyUsed }
