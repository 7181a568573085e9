namespace Kto.Core.Digest;

/// <summary>
/// Which digest and reminder mails were sent: one create-only row per kind, period and user, written before the mail
/// goes, so of two runs (a retried timer, the bureau's job at the same time, two instances) only one mails a user.
/// </summary>
public interface IDigestLedger
{
    /// <summary>Claims the mail of <paramref name="kind"/> for <paramref name="period"/> to <paramref name="email"/>; false when it was claimed already.</summary>
    Task<bool> TryClaimAsync(string kind, string period, string email, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Gives a claim up after the mail server did not take the mail, so a later run tries again.</summary>
    Task ReleaseAsync(string kind, string period, string email, CancellationToken cancellationToken);
}
