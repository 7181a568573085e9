using Kto.Core.Portal;
using Kto.Core.Access;
using Kto.Core.Deliveries;
using Kto.Core.Settings;

namespace Kto.Core.Accounts;

/// <summary>
/// Sign-in by e-mail link: a single-use link, valid for <see cref="PortalSettings.SignInLinkLifetime"/>, mailed only
/// to an address with an account and at most <see cref="PortalSettings.SignInMailsPerHour"/> times an hour, from a
/// queue, never while the request waits. What the person is told, and how long it takes, never depends on whether
/// the address has an account; one source asks at most <see cref="PortalSettings.SignInRequestsPerSourcePerMinute"/> times a minute.
/// </summary>
public sealed class SignInService(
    IUserStore users,
    ISignInLinkStore links,
    ISessionStore sessions,
    ISignInMailer mailer,
    IAuditLog audit,
    PortalSettings settings,
    KtoSettings kto,
    TimeProvider time)
{
    public const string LinkPath = PortalUrls.SignInLink;

    /// <summary>
    /// "Send me a link": the same work and the same answer whether or not the address has an account. The request
    /// counts against its source's limit, is recorded for the address's hourly limit and, within it, queues the mail;
    /// whether there is an account, making the link and talking to the mail server all happen later in
    /// <see cref="SendQueuedAsync"/>, so neither the answer nor its timing tells who has an account.
    /// </summary>
    /// <param name="sourceKey">Who asks, as the limiter sees them (the client's address; hashed before storage).</param>
    public async Task<LinkRequest> RequestLinkAsync(string? email, string sourceKey, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var window = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
        if (!await links.TryCountSourceAsync(SecretKeys.Hash("sign-in-source|" + sourceKey), window, settings.SignInRequestsPerSourcePerMinute, cancellationToken))
            return new LinkRequest(LinkRequestOutcome.TooMany, RetryAfter: window.AddMinutes(1) - now);
        if (!EmailAddresses.IsValid(email?.Trim())) return new LinkRequest(LinkRequestOutcome.Invalid);
        var address = PortalUser.Normalize(email!);
        await links.RecordRequestAsync(address, now, cancellationToken);
        if (await links.CountSinceAsync(address, now.AddHours(-1), cancellationToken) > settings.SignInMailsPerHour)
            return new LinkRequest(LinkRequestOutcome.Accepted);
        return new LinkRequest(LinkRequestOutcome.Accepted, await links.EnqueueMailAsync(address, now, cancellationToken));
    }

    /// <summary>
    /// Sends one queued sign-in mail (in the background, never in the request): claims it, mails a fresh link when the
    /// address has an account and the request is younger than a link's lifetime, then removes it from the queue. A
    /// sender that dies leaves the claim to expire and <see cref="SendLeftoversAsync"/> sends it.
    /// </summary>
    public async Task SendQueuedAsync(string id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (await links.ClaimMailAsync(id, now, now + ClaimTime, cancellationToken) is not { } queued) return;
        if (now - queued.RequestedAt < settings.SignInLinkLifetime && await users.GetAsync(queued.Email, cancellationToken) is not null)
        {
            var (link, expires) = await NewLinkAsync(queued.Email, now, cancellationToken);
            await mailer.SendAsync(queued.Email, link, expires, cancellationToken);
        }
        await links.CompleteMailAsync(id, cancellationToken);
    }

    /// <summary>The safety net (a timer): sends what no background sender finished, and drops old source counters.</summary>
    public async Task<int> SendLeftoversAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var left = await links.QueuedMailsAsync(now - ClaimTime, cancellationToken);
        foreach (var id in left) await SendQueuedAsync(id, cancellationToken);
        await links.PurgeSourceCountsAsync(now.AddHours(-1), cancellationToken);
        return left.Count;
    }

    /// <summary>How long a sender holds a queued mail before another may take it (far above one SMTP round trip).</summary>
    public static readonly TimeSpan ClaimTime = TimeSpan.FromMinutes(2);

    /// <summary>A link without a mail, for <c>./kto up</c> (never in production); null for an address without an account.</summary>
    public async Task<string?> CreateLinkAsync(string email, CancellationToken cancellationToken)
    {
        var address = PortalUser.Normalize(email);
        if (await users.GetAsync(address, cancellationToken) is null) return null;
        return (await NewLinkAsync(address, time.GetUtcNow(), cancellationToken)).Link;
    }

    /// <summary>Uses the link once and starts a session; the session id is returned to go into the cookie only.</summary>
    public async Task<SignInResult> SignInAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return new SignInResult(SignInLinkUse.Unknown);
        var now = time.GetUtcNow();
        var (use, email) = await links.UseAsync(SecretKeys.Hash(token), now, cancellationToken);
        if (use != SignInLinkUse.Valid) return new SignInResult(use);
        var user = await users.GetAsync(email!, cancellationToken);
        if (user is null) return new SignInResult(SignInLinkUse.Unknown);

        var sessionId = SecretKeys.Create(32);
        await sessions.SaveAsync(new PortalSession(SecretKeys.Hash(sessionId), user.Email, now, now), cancellationToken);
        await audit.WriteAsync(new AuditEntry(now, user.Email, AuditActions.SignedIn, user.CompanyId, "Ingelogd met een e-maillink"), cancellationToken);
        return new SignInResult(SignInLinkUse.Valid, sessionId, user);
    }

    private async Task<(string Link, DateTimeOffset Expires)> NewLinkAsync(string address, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var token = SecretKeys.Create(24);
        var expires = now + settings.SignInLinkLifetime;
        await links.SaveAsync(SecretKeys.Hash(token), address, now, expires, cancellationToken);
        return (kto.Link($"{LinkPath}?t={token}"), expires);
    }
}

public sealed record SignInResult(SignInLinkUse Use, string? SessionId = null, PortalUser? User = null);

public enum LinkRequestOutcome { Accepted, Invalid, TooMany }

/// <summary>The answer to "send me a link": accepted (with the queued mail's id, or none over the hourly limit), not an e-mail address, or too many from this source.</summary>
public sealed record LinkRequest(LinkRequestOutcome Outcome, string? QueuedMail = null, TimeSpan? RetryAfter = null);
