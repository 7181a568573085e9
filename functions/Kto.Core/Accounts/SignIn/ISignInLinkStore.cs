namespace Kto.Core.Accounts;

/// <summary>
/// Sign-in links by the SHA-256 of their token (the token itself is only in the mail), the requests counted for the
/// limits, and the queue of sign-in mails still to send (so a request never waits for the mail server).
/// </summary>
public interface ISignInLinkStore
{
    Task SaveAsync(string tokenHash, string email, DateTimeOffset createdAt, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>Marks the link used, once: a second caller (or a concurrent one) gets <see cref="SignInLinkUse.AlreadyUsed"/>.</summary>
    Task<(SignInLinkUse Use, string? Email)> UseAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Records one request for a link to this address (every address alike, with an account or not).</summary>
    Task RecordRequestAsync(string email, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>How many requests were recorded for this address since <paramref name="since"/> (the per-address limit).</summary>
    Task<int> CountSinceAsync(string email, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>
    /// Counts one request from a source in the window starting at <paramref name="window"/>, unless the window holds
    /// <paramref name="limit"/> already: then false and nothing is counted. Decided in storage (one counter row per
    /// source and window, changed with its ETag), so every instance counts against the same number.
    /// </summary>
    Task<bool> TryCountSourceAsync(string sourceKey, DateTimeOffset window, int limit, CancellationToken cancellationToken);

    /// <summary>Queues a sign-in mail to this address; returns the queue entry's id.</summary>
    Task<string> EnqueueMailAsync(string email, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Takes a queued mail until <paramref name="until"/>; null when it is gone or another sender holds it.</summary>
    Task<QueuedSignInMail?> ClaimMailAsync(string id, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Removes a queued mail once it was sent or found not needed (the address leaves storage with it).</summary>
    Task CompleteMailAsync(string id, CancellationToken cancellationToken);

    /// <summary>Ids of queued mails queued before <paramref name="before"/> (left behind by a sender that died).</summary>
    Task<IReadOnlyList<string>> QueuedMailsAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>Deletes source counters of windows that started before <paramref name="before"/>.</summary>
    Task PurgeSourceCountsAsync(DateTimeOffset before, CancellationToken cancellationToken);
}

public enum SignInLinkUse { Valid, Unknown, Expired, AlreadyUsed }

/// <summary>A sign-in mail waiting to be sent: the address as typed (normalised) and when it was asked for.</summary>
public sealed record QueuedSignInMail(string Id, string Email, DateTimeOffset RequestedAt);
