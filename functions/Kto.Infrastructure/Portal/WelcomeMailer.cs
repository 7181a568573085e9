using Kto.Core.Accounts;
using Kto.Core.Fieldwork;
using Kto.Core.Settings;
using Kto.Infrastructure.Templates;
using Microsoft.Extensions.Logging;

namespace Kto.Infrastructure.Portal;

/// <summary>
/// The welcome mail to a new portal user, from <c>Templates/Portal/Mail/welcome.*.liquid</c>, through the same SMTP
/// sender as the sign-in mail. A mail that fails is logged (without the address) and the account stays.
/// </summary>
public sealed class WelcomeMailer(IMailSender sender, LiquidTemplates templates, BureauSettings bureau, KtoSettings settings, ILogger<WelcomeMailer> logger)
    : IWelcomeMailer
{
    public async Task<bool> SendWelcomeAsync(PortalUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var view = PortalMailView.For(user, settings, bureau);
        var mail = new OutgoingMail(user.Email,
            templates.Render("Portal/Mail/welcome-subject.liquid", html: false, TemplateNames.SnakeCase, view).Trim(),
            templates.Render("Portal/Mail/welcome.txt.liquid", html: false, TemplateNames.SnakeCase, view),
            templates.Render("Portal/Mail/welcome.html.liquid", html: true, TemplateNames.SnakeCase, view),
            UnsubscribeUrl: "");
        try
        {
            await using var session = await sender.OpenAsync(cancellationToken);
            var result = await session.SendAsync(mail, cancellationToken);
            if (result.Outcome == MailOutcome.Accepted) return true;
            logger.LogWarning("Welcome mail not accepted by the mail server ({Outcome}, {Code})", result.Outcome, result.SmtpCode);
            return false;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Welcome mail could not be sent: {Error}", e.GetType().Name);
            return false;
        }
    }
}
