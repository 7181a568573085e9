namespace Kto.Core.Accounts;

/// <summary>Sends a sign-in link by mail (the same SMTP path as the survey mails, outside the throttle).</summary>
public interface ISignInMailer
{
    Task<bool> SendAsync(string email, string link, DateTimeOffset expiresAt, CancellationToken cancellationToken);
}
