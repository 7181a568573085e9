using Kto.Core.Accounts;
using Kto.Core.Companies;
using Kto.Core.Forecast;
using Kto.Core.Portal;

namespace Kto.Core.Digest;

/// <summary>
/// A company that has not delivered by the due day (<see cref="DeliveryDue"/>) gets a reminder mail to each of its
/// users, once per late month: claimed per user and month in <see cref="IDigestLedger"/> before it is sent. Not
/// subject to the digest's opt-out: the delivery is the company's obligation, not news.
/// </summary>
public sealed class DeliveryReminderService(
    IUserStore users,
    ICompanyStore companies,
    IDeliveryHistory deliveries,
    IDigestLedger ledger,
    IDigestMailer mailer,
    ForecastSettings settings,
    IAuditLog audit)
{
    public const string Job = "send-delivery-reminders";
    public const string Kind = "delivery";

    public async Task<DigestRun> SendAsync(DateTimeOffset now, CancellationToken cancellationToken, string? actor = null)
    {
        var companyUsers = (await users.ListAsync(cancellationToken)).Where(u => u.Role == UserRole.Company && u.CompanyId is not null)
            .ToLookup(u => u.CompanyId!, StringComparer.Ordinal);
        var mails = new ClaimedMails(ledger, Kind, now);
        string? period = null;
        foreach (var company in await companies.ListAsync(cancellationToken))
        {
            if (!companyUsers[company.Id].Any()) continue;
            var last = DeliveryMonth.Last(await deliveries.ListAsync(company.Id, cancellationToken));
            if (DeliveryDue.OverdueMonth(last, now, settings.DeliveryDueDay) is not { } month) continue;
            period = $"{month.Year}-{month.Month:00}";
            var due = DutchTime.Format(DeliveryDue.Date(month.Year, month.Month, settings.DeliveryDueDay));
            foreach (var user in companyUsers[company.Id])
            {
                var reminder = new DeliveryReminder(user, company.Id, company.Name, DeliveryDue.MonthName(month), due);
                await mails.SendOnceAsync(period, user.Email, () => mailer.SendDeliveryReminderAsync(reminder, cancellationToken), cancellationToken);
            }
        }
        period ??= DutchTime.DateOf(now).AddMonths(-1) is var p ? $"{p.Year}-{p.Month:00}" : "";
        if (actor is not null)
            await audit.WriteAsync(new AuditEntry(now, actor, AuditActions.JobStarted, null,
                $"{Job} {period}: {mails.Sent} verstuurd, {mails.Already} al verstuurd, {mails.Failed} mislukt"), cancellationToken);
        return new DigestRun(Job, now, period, mails.Sent, mails.Already, 0, mails.Failed);
    }
}
