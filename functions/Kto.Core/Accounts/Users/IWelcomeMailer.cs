namespace Kto.Core.Accounts;

/// <summary>Tells a new portal user that an account exists, where the portal is and how to sign in.</summary>
public interface IWelcomeMailer
{
    /// <returns>Whether the mail server took the mail; a failure never undoes the account.</returns>
    Task<bool> SendWelcomeAsync(PortalUser user, CancellationToken cancellationToken);
}
