using System.Globalization;
using Kto.Core.Accounts;
using Kto.Core.Digest;
using Kto.Core.Portal;
using Kto.Core.Settings;

namespace Kto.Infrastructure.Portal;

/// <summary>
/// The weekly digest and the delivery reminder (<c>digest</c> and <c>delivery-reminder</c> templates). A failure is
/// logged without the address.
/// </summary>
public sealed class DigestMailer(PortalMails mails, BureauSettings bureau, KtoSettings settings)
    : IDigestMailer
{
    public Task<bool> SendDigestAsync(WeeklyDigest digest, CancellationToken cancellationToken)
    {
        // "2026-W49" → "49".
        var week = digest.Week.Split("-W") is [_, var number] ? int.Parse(number, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) : digest.Week;
        var single = digest.Recipient.Role == UserRole.Company ? digest.Companies[0] : null;
        return mails.TrySendAsync(digest.Recipient.Email, "digest", [PortalMailView.For(digest.Recipient, settings, bureau), new DigestMailView(week, digest.Year, digest.Companies, digest.AtRisk, single)], cancellationToken);
    }

    public Task<bool> SendDeliveryReminderAsync(DeliveryReminder reminder, CancellationToken cancellationToken) =>
        mails.TrySendAsync(reminder.Recipient.Email, "delivery-reminder",
            [PortalMailView.For(reminder.Recipient, settings, bureau), new DeliveryReminderMailView(reminder.CompanyName, reminder.Month, reminder.Due, settings.Link(PortalUrls.Company(reminder.CompanyId)))],
            cancellationToken);
}
