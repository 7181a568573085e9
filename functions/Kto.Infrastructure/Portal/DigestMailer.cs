using System.Globalization;
using Kto.Core.Accounts;
using Kto.Core.Digest;
using Kto.Core.Fieldwork;
using Kto.Core.Settings;
using Kto.Infrastructure.Templates;
using Microsoft.Extensions.Logging;

namespace Kto.Infrastructure.Portal;

/// <summary>
/// The weekly digest and the delivery reminder from <c>Templates/Portal/Mail/digest*.liquid</c> and
/// <c>delivery-reminder*.liquid</c>, through the same SMTP sender as the welcome mail (not the survey throttle: a few
/// mails a week). A failure is logged without the address.
/// </summary>
public sealed class DigestMailer(IMailSender sender, LiquidTemplates templates, BureauSettings bureau, KtoSettings settings, ILogger<DigestMailer> logger)
    : IDigestMailer
{
    private string Portal => PortalMailView.PortalAddress(settings);

    public Task<bool> SendDigestAsync(WeeklyDigest digest, CancellationToken cancellationToken)
    {
        // "2026-W49" → "49".
        var week = digest.Week.Split("-W") is [_, var number] ? int.Parse(number, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) : digest.Week;
        var single = digest.Recipient.Role == UserRole.Company ? digest.Companies[0] : null;
        return SendAsync(digest.Recipient.Email, "digest", [PortalMailView.For(digest.Recipient, settings, bureau), new DigestMailView(week, digest.Year, digest.Companies, digest.AtRisk, single)], cancellationToken);
    }

    public Task<bool> SendDeliveryReminderAsync(DeliveryReminder reminder, CancellationToken cancellationToken) =>
        SendAsync(reminder.Recipient.Email, "delivery-reminder",
            [PortalMailView.For(reminder.Recipient, settings, bureau), new DeliveryReminderMailView(reminder.CompanyName, reminder.Month, reminder.Due, $"{Portal}/companies/{reminder.CompanyId}")],
            cancellationToken);

    private async Task<bool> SendAsync(string to, string template, object[] views, CancellationToken cancellationToken)
    {
        try
        {
            var mail = new OutgoingMail(to,
                templates.Render($"Portal/Mail/{template}-subject.liquid", html: false, TemplateNames.SnakeCase, views).Trim(),
                templates.Render($"Portal/Mail/{template}.txt.liquid", html: false, TemplateNames.SnakeCase, views),
                templates.Render($"Portal/Mail/{template}.html.liquid", html: true, TemplateNames.SnakeCase, views),
                UnsubscribeUrl: "");
            await using var session = await sender.OpenAsync(cancellationToken);
            var result = await session.SendAsync(mail, cancellationToken);
            if (result.Outcome == MailOutcome.Accepted) return true;
            logger.LogWarning("{Template} mail not accepted by the mail server ({Outcome}, {Code})", template, result.Outcome, result.SmtpCode);
            return false;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("{Template} mail could not be sent: {Error}", template, e.GetType().Name);
            return false;
        }
    }
}
