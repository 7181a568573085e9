using Kto.Core.Accounts;
using Kto.Core.Companies;
using Kto.Core.Forecast;
using Kto.Core.Portal;

namespace Kto.Core.Digest;

/// <summary>
/// The weekly digest (issue 24): each bureau user one mail with every company's status, each company user one with
/// their own company's; users who switched it off get none. Each mail is claimed in storage per user and ISO week
/// before it is sent (<see cref="IDigestLedger"/>), so a retried or doubled run never mails a user twice; a mail the
/// server does not take gives its claim back for the next run. A run that dies between claim and send leaves that
/// user without this week's digest: never twice is chosen over always once, as for the survey mails.
/// </summary>
public sealed class DigestService(
    IUserStore users,
    ICompanyStore companies,
    IDeliveryHistory deliveries,
    ICompanyForecasts forecasts,
    IDigestLedger ledger,
    IDigestMailer mailer,
    ForecastSettings settings,
    IAuditLog audit)
{
    public const string Job = "send-digest";
    public const string Kind = "digest";

    /// <param name="onSchedule">The timer: only on Monday from 08:00 Dutch time (<see cref="DigestComposer.IsDue"/>). The bureau's run sends at once.</param>
    /// <param name="actor">Who started the run by hand (audited); null for the timer.</param>
    public async Task<DigestRun> SendAsync(DateTimeOffset now, bool onSchedule, CancellationToken cancellationToken, string? actor = null)
    {
        var week = DigestComposer.Week(now);
        if (onSchedule && !DigestComposer.IsDue(now)) return new DigestRun(Job, now, week, 0, 0, 0, 0, NotDue: true);
        var year = DutchTime.DateOf(now).Year;
        var everyone = await users.ListAsync(cancellationToken);
        var blocks = new List<CompanyDigest>();
        // Only companies someone will read about: a bureau user reads all.
        var wanted = everyone.Any(u => u.Role == UserRole.Bureau && !u.DigestOptOut)
            ? null
            : everyone.Where(u => !u.DigestOptOut).Select(u => u.CompanyId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var company in await companies.ListAsync(cancellationToken))
        {
            if (wanted is not null && !wanted.Contains(company.Id)) continue;
            var last = DeliveryMonth.Last(await deliveries.ListAsync(company.Id, cancellationToken));
            var forecast = await forecasts.ForYearAsync(company.Id, year, cancellationToken);
            blocks.Add(DigestComposer.ForCompany(company, forecast, DeliveryDue.OverdueMonth(last, now, settings.DeliveryDueDay)));
        }

        var mails = new ClaimedMails(ledger, Kind, now);
        var optedOut = 0;
        foreach (var user in everyone)
        {
            if (user.DigestOptOut) { optedOut++; continue; }
            if (DigestComposer.For(user, week, year, blocks) is not { } digest) continue;
            await mails.SendOnceAsync(week, user.Email, () => mailer.SendDigestAsync(digest, cancellationToken), cancellationToken);
        }
        if (actor is not null)
            await audit.WriteAsync(new AuditEntry(now, actor, AuditActions.JobStarted, null,
                $"{Job} {week}: {mails.Sent} verstuurd, {mails.Already} al verstuurd, {optedOut} afgemeld, {mails.Failed} mislukt"), cancellationToken);
        return new DigestRun(Job, now, week, mails.Sent, mails.Already, optedOut, mails.Failed);
    }
}
