using Kto.Core.Fieldwork;
using Kto.Infrastructure.Templates;
using Microsoft.Extensions.Logging;

namespace Kto.Infrastructure.Portal;

/// <summary>
/// The mails the portal sends its users (sign-in link, welcome, weekly digest, delivery reminder): each from its three
/// templates in <c>Templates/Portal/Mail/</c> (<c>{kind}-subject</c>, <c>{kind}.txt</c>, <c>{kind}.html</c>, read in
/// snake_case from the views), over a connection of its own through the survey mails' SMTP sender, outside their
/// throttle (a few mails a day). A mail the server does not accept is logged without the address; a failure to send
/// throws, so each mailer decides whether that is retried.
/// </summary>
public sealed class PortalMails(IMailSender sender, LiquidTemplates templates, ILogger<PortalMails> logger)
{
    /// <returns>Whether the mail server accepted the mail.</returns>
    public async Task<bool> SendAsync(string to, string kind, object[] views, CancellationToken cancellationToken)
    {
        var mail = new OutgoingMail(to,
            templates.Render($"Portal/Mail/{kind}-subject.liquid", html: false, TemplateNames.SnakeCase, views).Trim(),
            templates.Render($"Portal/Mail/{kind}.txt.liquid", html: false, TemplateNames.SnakeCase, views),
            templates.Render($"Portal/Mail/{kind}.html.liquid", html: true, TemplateNames.SnakeCase, views),
            UnsubscribeUrl: "");
        await using var session = await sender.OpenAsync(cancellationToken);
        var result = await session.SendAsync(mail, cancellationToken);
        if (result.Outcome != MailOutcome.Accepted)
            logger.LogWarning("{Kind} mail not accepted by the mail server ({Outcome}, {Code})", kind, result.Outcome, result.SmtpCode);
        return result.Outcome == MailOutcome.Accepted;
    }

    /// <summary>As <see cref="SendAsync"/>, but a failure to send is logged (without the address) and reads as not sent.</summary>
    public async Task<bool> TrySendAsync(string to, string kind, object[] views, CancellationToken cancellationToken)
    {
        try
        {
            return await SendAsync(to, kind, views, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("{Kind} mail could not be sent: {Error}", kind, e.GetType().Name);
            return false;
        }
    }
}
