using Kto.Core.Portal;
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
    private string Portal => settings.PublicBaseUrl.TrimEnd('/') + PortalUrls.Home;

    public Task<bool> SendDigestAsync(WeeklyDigest digest, CancellationToken cancellationToken)
    {
        var values = Common(digest.Recipient);
        values["week"] = digest.Week.Split("-W") is [_, var number] ? int.Parse(number, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture) : digest.Week;
        values["year"] = digest.Year;
        values["companies"] = digest.Companies;
        values["at_risk"] = digest.AtRisk;
        values["single"] = digest.Recipient.Role == UserRole.Company ? digest.Companies[0] : null;
        return SendAsync(digest.Recipient.Email, "digest", values, cancellationToken);
    }

    public Task<bool> SendDeliveryReminderAsync(DeliveryReminder reminder, CancellationToken cancellationToken)
    {
        var values = Common(reminder.Recipient);
        values["company"] = reminder.CompanyName;
        values["month"] = reminder.Month;
        values["due"] = reminder.Due;
        values["deliveries_url"] = $"{Portal}/companies/{reminder.CompanyId}";
        return SendAsync(reminder.Recipient.Email, "delivery-reminder", values, cancellationToken);
    }

    private Dictionary<string, object?> Common(PortalUser user) => new()
    {
        ["name"] = user.Name,
        ["portal"] = Portal,
        ["account_url"] = Portal + "/account",
        ["is_bureau"] = user.Role == UserRole.Bureau,
        ["bureau"] = bureau.Name,
        ["questions_email"] = bureau.QuestionsAddress,
    };

    private async Task<bool> SendAsync(string to, string template, Dictionary<string, object?> values, CancellationToken cancellationToken)
    {
        try
        {
            var mail = new OutgoingMail(to,
                templates.Render($"Portal/Mail/{template}-subject.liquid", values, html: false).Trim(),
                templates.Render($"Portal/Mail/{template}.txt.liquid", values, html: false),
                templates.Render($"Portal/Mail/{template}.html.liquid", values, html: true),
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
