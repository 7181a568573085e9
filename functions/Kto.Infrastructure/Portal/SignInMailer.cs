using System.Globalization;
using Kto.Core;
using Kto.Core.Accounts;
using Kto.Core.Settings;

namespace Kto.Infrastructure.Portal;

/// <summary>
/// Mails a sign-in link (<c>signin</c> templates). It does not take a survey throttle slot: sign-in has its own limit
/// per address. A failure to send throws: the queued mail stays and is sent again (<see cref="SignInService.SendLeftoversAsync"/>).
/// </summary>
public sealed class SignInMailer(PortalMails mails, BureauSettings bureau) : ISignInMailer
{
    public Task<bool> SendAsync(string email, string link, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        mails.SendAsync(email, "signin",
            [new SignInMailView(link, DutchTime.ToDutch(expiresAt).ToString("HH:mm", CultureInfo.InvariantCulture), bureau.Name, bureau.QuestionsAddress)],
            cancellationToken);
}
