using Kto.Core.Access;
using Kto.Core.Deliveries;
using Kto.Core.Settings;

namespace Kto.Core.Accounts;

/// <summary>
/// Sign-in by e-mail link: a single-use link, valid for <see cref="PortalSettings.SignInLinkLifetime"/>, mailed only
/// to an address with an account and at most <see cref="PortalSettings.SignInMailsPerHour"/> times an hour. What the
/// person is told never depends on whether the address has an account.
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
    public const string LinkPath = "/portal/sign-in";

    /// <summary>False only for an address that is not an e-mail address at all (a form error); true otherwise.</summary>
    public async Task<bool> RequestLinkAsync(string? email, CancellationToken cancellationToken)
    {
        if (!EmailAddresses.IsValid(email?.Trim())) return false;
        var address = PortalUser.Normalize(email!);
        if (await users.GetAsync(address, cancellationToken) is null) return true;
        var now = time.GetUtcNow();
        if (await links.CountSinceAsync(address, now.AddHours(-1), cancellationToken) >= settings.SignInMailsPerHour) return true;

        var (link, expires) = await NewLinkAsync(address, now, cancellationToken);
        await mailer.SendAsync(address, link, expires, cancellationToken);
        return true;
    }

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
        return ($"{kto.PublicBaseUrl.TrimEnd('/')}{LinkPath}?t={token}", expires);
    }
}

public sealed record SignInResult(SignInLinkUse Use, string? SessionId = null, PortalUser? User = null);
