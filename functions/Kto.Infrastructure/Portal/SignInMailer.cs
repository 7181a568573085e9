using System.Globalization;
using Kto.Core;
using Kto.Core.Accounts;
using Kto.Core.Fieldwork;
using Kto.Core.Settings;
using Kto.Infrastructure.Templates;
using Microsoft.Extensions.Logging;

namespace Kto.Infrastructure.Portal;

/// <summary>
/// Mails a sign-in link through the same SMTP sender as the survey mails, from the Liquid templates in
/// <c>Templates/Portal/Mail/</c>. It does not take a survey throttle slot: sign-in has its own limit per address.
/// </summary>
public sealed class SignInMailer(IMailSender sender, LiquidTemplates templates, BureauSettings bureau, ILogger<SignInMailer> logger) : ISignInMailer
{
    public async Task<bool> SendAsync(string email, string link, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var view = new SignInMailView(link, DutchTime.ToDutch(expiresAt).ToString("HH:mm", CultureInfo.InvariantCulture), bureau.Name, bureau.QuestionsAddress);
        var mail = new OutgoingMail(email,
            templates.Render("Portal/Mail/subject.liquid", html: false, TemplateNames.SnakeCase, view).Trim(),
            templates.Render("Portal/Mail/signin.txt.liquid", html: false, TemplateNames.SnakeCase, view),
            templates.Render("Portal/Mail/signin.html.liquid", html: true, TemplateNames.SnakeCase, view),
            UnsubscribeUrl: "");
        await using var session = await sender.OpenAsync(cancellationToken);
        var result = await session.SendAsync(mail, cancellationToken);
        if (result.Outcome != MailOutcome.Accepted)
            logger.LogWarning("Sign-in mail not accepted by the mail server ({Outcome}, {Code})", result.Outcome, result.SmtpCode);
        return result.Outcome == MailOutcome.Accepted;
    }
}
