using Kto.Core.Accounts;
using Kto.Core.Companies;
using Kto.Core.Digest;
using Kto.Core.Forecast;
using Kto.Core.Portal;
using Kto.Core.Tests.Accounts;
using Kto.Core.Tests.Fakes;

namespace Kto.Core.Tests.Digest;

/// <summary>The digest's composition and its once-per-week rule on in-memory ports (the mail itself: Kto.Functions.Tests/Digest).</summary>
public sealed class DigestServiceTests
{
    // Monday 7 December 2026, 08:30 in Amsterdam (CET, UTC+1).
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 7, 30, 0, TimeSpan.Zero);

    private readonly InMemoryAccounts accounts = new();
    private readonly InMemoryCompanyStore companies = new();
    private readonly InMemoryDigestParts parts = new();

    private DigestService Service() => new(accounts, companies, parts, parts, parts, parts, new ForecastSettings(), accounts);

    private async Task CompanyAsync(string id, string name) => await companies.TryAddAsync(new Company(id, name, Monday.AddYears(-1)), "hash", CancellationToken.None);

    private void User(string email, UserRole role, string? company = null, bool optOut = false) =>
        accounts.Users[email] = new PortalUser(email, role, company, Monday.AddDays(-30), "test", DigestOptOut: optOut);

    private async Task ThreeCompaniesAsync()
    {
        await CompanyAsync("aalst", "Aalst Re-integratie");
        await CompanyAsync("berg", "Berg Werk");
        await CompanyAsync("zeta", "Zeta Coaching");
        parts.Forecasts["aalst"] = InMemoryDigestParts.Forecast("aalst", 40, 14, 0.31, 0.40, atRisk: false);
        parts.Forecasts["berg"] = InMemoryDigestParts.Forecast("berg", 20, 3, 0.18, 0.29, atRisk: true,
            new ForecastAction(ForecastActionKind.SendReminders, 12, 1.5),
            new ForecastAction(ForecastActionKind.CallPhoneOnly, 4, 0.8),
            new ForecastAction(ForecastActionKind.MissingDelivery, 5, 1.9, Month: 11),
            new ForecastAction(ForecastActionKind.PostLetters, 6, 0.6),
            new ForecastAction(ForecastActionKind.SendInvitations, 1, 0.2));
        parts.Forecasts["zeta"] = InMemoryDigestParts.Forecast("zeta", 10, 1, 0.05, 0.25, atRisk: true);
        // zeta delivered this month, berg last in October: berg's November delivery was due on 10 December (not yet late on the 7th).
        parts.Deliveries["zeta"] = [new DeliveryEntry("dec.csv", Monday.AddDays(-5), "done", 10, 10, 0, 0)];
        parts.Deliveries["berg"] = [new DeliveryEntry("okt.csv", new DateTimeOffset(2026, 10, 3, 9, 0, 0, TimeSpan.Zero), "done", 5, 5, 0, 0)];
    }

    [Fact]
    public async Task A_bureau_user_gets_every_company_at_risk_first_then_by_name_with_the_top_three_actions_and_missing_deliveries()
    {
        await ThreeCompaniesAsync();
        User("bureau@b.nl", UserRole.Bureau);

        var run = await Service().SendAsync(Monday, onSchedule: true, CancellationToken.None);

        Assert.Equal(("2026-W50", 1, false), (run.Period, run.Sent, run.NotDue));
        var digest = Assert.Single(parts.Digests);
        Assert.Equal(["Berg Werk", "Zeta Coaching", "Aalst Re-integratie"], digest.Companies.Select(c => c.CompanyName));
        Assert.Equal(2, digest.AtRisk);
        var berg = digest.Companies[0];
        // Ranked by expected responses, the missing delivery not among them (it is said once, per company), three at most.
        Assert.Equal(["Stuur de herinnering die klaarstaat aan 12 klanten", "Bel 4 klanten die alleen telefonisch bereikbaar zijn",
            "Verstuur brieven aan 6 klanten zonder e-mail"], berg.Actions.Select(a => a.Text));
        Assert.Equal(["november"], berg.MissingMonths);
        Assert.Null(berg.OverdueDelivery);
        var line = Assert.Single(berg.Percelen);
        Assert.Equal(("Naar werk", "15 %", "30 %", "18–29 %", true), (line.Perceel, line.Rate, line.Minimum, line.Range, line.AtRisk));
    }

    [Fact]
    public async Task A_company_user_sees_only_their_company_and_an_opted_out_user_gets_nothing()
    {
        await ThreeCompaniesAsync();
        User("anna@berg.nl", UserRole.Company, "berg");
        User("stil@berg.nl", UserRole.Company, "berg", optOut: true);
        User("stil@bureau.nl", UserRole.Bureau, optOut: true);

        var run = await Service().SendAsync(Monday, onSchedule: false, CancellationToken.None);

        Assert.Equal((1, 2), (run.Sent, run.OptedOut));
        var digest = Assert.Single(parts.Digests);
        Assert.Equal("anna@berg.nl", digest.Recipient.Email);
        Assert.Equal(["berg"], digest.Companies.Select(c => c.CompanyId));
    }

    [Fact]
    public async Task A_second_run_in_the_same_week_mails_nobody_again_and_a_refused_mail_is_sent_by_a_later_run()
    {
        await ThreeCompaniesAsync();
        User("bureau@b.nl", UserRole.Bureau);
        User("anna@berg.nl", UserRole.Company, "berg");
        parts.Refuse.Add("anna@berg.nl");

        var first = await Service().SendAsync(Monday, onSchedule: true, CancellationToken.None);
        parts.Refuse.Clear();
        var second = await Service().SendAsync(Monday.AddHours(1), onSchedule: true, CancellationToken.None);
        var third = await Service().SendAsync(Monday.AddHours(2), onSchedule: false, CancellationToken.None);
        var nextWeek = await Service().SendAsync(Monday.AddDays(7), onSchedule: true, CancellationToken.None);

        Assert.Equal((1, 1), (first.Sent, first.Failed));
        Assert.Equal((1, 1), (second.Sent, second.AlreadySent));
        Assert.Equal((0, 2), (third.Sent, third.AlreadySent));
        Assert.Equal(("2026-W51", 2), (nextWeek.Period, nextWeek.Sent));
        Assert.Equal(2, parts.Digests.Count(d => d.Recipient.Email == "bureau@b.nl"));
        Assert.Equal(2, parts.Digests.Count(d => d.Recipient.Email == "anna@berg.nl"));
    }

    [Theory]
    [InlineData("2026-12-07T06:59:00Z", false)]   // Monday 07:59 CET
    [InlineData("2026-12-07T07:00:00Z", true)]    // Monday 08:00 CET
    [InlineData("2026-06-01T05:59:00Z", false)]   // Monday 07:59 CEST
    [InlineData("2026-06-01T06:00:00Z", true)]    // Monday 08:00 CEST
    [InlineData("2026-12-06T23:30:00Z", false)]   // Monday 00:30 in Amsterdam
    [InlineData("2026-12-08T07:00:00Z", false)]   // Tuesday
    public async Task The_timer_sends_on_Monday_from_eight_Dutch_time_summer_and_winter(string utc, bool due)
    {
        await ThreeCompaniesAsync();
        User("bureau@b.nl", UserRole.Bureau);

        var run = await Service().SendAsync(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), onSchedule: true, CancellationToken.None);

        Assert.Equal(!due, run.NotDue);
        Assert.Equal(due ? 1 : 0, parts.Digests.Count);
    }

    [Fact]
    public async Task Switching_the_digest_off_is_stored_and_audited_once()
    {
        User("anna@berg.nl", UserRole.Company, "berg");
        var users = new UserService(accounts, companies, accounts, TimeProvider.System);

        await users.SetDigestAsync("anna@berg.nl", receive: false, CancellationToken.None);
        await users.SetDigestAsync("Anna@Berg.nl", receive: false, CancellationToken.None);

        Assert.True(accounts.Users["anna@berg.nl"].DigestOptOut);
        var line = Assert.Single(accounts.Audit);
        Assert.Equal((AuditActions.DigestOptOut, "anna@berg.nl", "berg"), (line.Action, line.Actor, line.Company));
    }
}
