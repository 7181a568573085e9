using Kto.Core.Portal;
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
        var values = new Dictionary<string, object?>
        {
            ["name"] = user.Name,
            ["email"] = user.Email,
            ["portal"] = settings.PublicBaseUrl.TrimEnd('/') + PortalUrls.Home,
            ["is_bureau"] = user.Role == UserRole.Bureau,
            ["bureau"] = bureau.Name,
            ["questions_email"] = bureau.QuestionsAddress,
        };
        var mail = new OutgoingMail(user.Email,
            templates.Render("Portal/Mail/welcome-subject.liquid", values, html: false).Trim(),
            templates.Render("Portal/Mail/welcome.txt.liquid", values, html: false),
            templates.Render("Portal/Mail/welcome.html.liquid", values, html: true),
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
