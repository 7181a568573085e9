using Kto.Core.Accounts;
using Kto.Core.Settings;

namespace Kto.Infrastructure.Portal;

/// <summary>
/// The welcome mail to a new portal user (<c>welcome</c> templates). A mail that fails is logged (without the address)
/// and the account stays.
/// </summary>
public sealed class WelcomeMailer(PortalMails mails, BureauSettings bureau, KtoSettings settings) : IWelcomeMailer
{
    public Task<bool> SendWelcomeAsync(PortalUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return mails.TrySendAsync(user.Email, "welcome", [PortalMailView.For(user, settings, bureau)], cancellationToken);
    }
}
