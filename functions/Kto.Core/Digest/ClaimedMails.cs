namespace Kto.Core.Digest;

/// <summary>
/// The sending rule of the digest and the delivery reminder, and its counts for one run: a mail is claimed per kind,
/// period and user in the <see cref="IDigestLedger"/> before it is sent, so it goes at most once; one that fails (a
/// template, the connection, a server that does not take it) gives its claim back for the next run and never stops
/// the others.
/// </summary>
public sealed class ClaimedMails(IDigestLedger ledger, string kind, DateTimeOffset now)
{
    public int Sent { get; private set; }
    public int Already { get; private set; }
    public int Failed { get; private set; }

    public async Task SendOnceAsync(string period, string email, Func<Task<bool>> send, CancellationToken cancellationToken)
    {
        if (!await ledger.TryClaimAsync(kind, period, email, now, cancellationToken))
        {
            Already++;
            return;
        }
        if (await AcceptedAsync(send))
        {
            Sent++;
            return;
        }
        Failed++;
        await ledger.ReleaseAsync(kind, period, email, cancellationToken);
    }

    private static async Task<bool> AcceptedAsync(Func<Task<bool>> send)
    {
        try
        {
            return await send();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The mailer logs what it can; a mail that failed is left for the next run.
            return false;
        }
    }
}
