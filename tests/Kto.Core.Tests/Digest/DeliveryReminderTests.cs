using Kto.Core.Accounts;
using Kto.Core.Companies;
using Kto.Core.Digest;
using Kto.Core.Forecast;
using Kto.Core.Portal;
using Kto.Core.Tests.Accounts;
using Kto.Core.Tests.Fakes;

namespace Kto.Core.Tests.Digest;

/// <summary>The late-delivery rule (<see cref="DeliveryDue"/>) and its reminder, once per user and month.</summary>
public sealed class DeliveryReminderTests
{
    private static DateTimeOffset Dutch(int year, int month, int day, int hour = 9) =>
        new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.Zero).AddHours(-1);   // CET: Dutch hour − 1 in UTC

    private static DeliveryEntry Delivered(DateTimeOffset at, string? status = "done") => new("f.csv", at, status, 1, 1, 0, 0);

    [Fact]
    public void Last_months_delivery_is_late_only_after_the_due_day_and_only_without_a_delivery_this_month()
    {
        var october = Delivered(Dutch(2026, 10, 5));
        Assert.Null(DeliveryDue.OverdueMonth(october, Dutch(2026, 11, 10, 23), 10));
        Assert.Equal(new DateOnly(2026, 10, 1), DeliveryDue.OverdueMonth(october, Dutch(2026, 11, 11, 0), 10));
        Assert.Null(DeliveryDue.OverdueMonth(Delivered(Dutch(2026, 11, 1, 0)), Dutch(2026, 11, 20), 10));
        Assert.Equal(new DateOnly(2026, 12, 1), DeliveryDue.OverdueMonth(null, Dutch(2027, 1, 11), 10));
        Assert.Equal("december 2026", DeliveryDue.MonthName(new DateOnly(2026, 12, 1)));
        Assert.Equal(new DateOnly(2027, 1, 10), DeliveryDue.Date(2026, 12, 10));
    }

    [Fact]
    public async Task Each_user_of_a_late_company_gets_one_reminder_a_month_and_the_bureau_and_punctual_companies_none()
    {
        var accounts = new InMemoryAccounts();
        var companies = new InMemoryCompanyStore();
        var parts = new InMemoryDigestParts();
        var start = Dutch(2025, 1, 1);
        await companies.TryAddAsync(new Company("laat", "Laat BV", start), "h", CancellationToken.None);
        await companies.TryAddAsync(new Company("tijd", "Op Tijd BV", start), "h", CancellationToken.None);
        parts.Deliveries["laat"] = [Delivered(Dutch(2026, 10, 4)), Delivered(Dutch(2026, 11, 2), "refused")];
        parts.Deliveries["tijd"] = [Delivered(Dutch(2026, 11, 9))];
        foreach (var (email, role, company) in new[] { ("a@laat.nl", UserRole.Company, "laat"), ("b@laat.nl", UserRole.Company, "laat"),
                     ("c@tijd.nl", UserRole.Company, "tijd"), ("bureau@b.nl", UserRole.Bureau, (string?)null) })
            accounts.Users[email] = new PortalUser(email, role, company, start, "test", DigestOptOut: true);
        var service = new DeliveryReminderService(accounts, companies, parts, parts, parts, new ForecastSettings(), accounts);

        var first = await service.SendAsync(Dutch(2026, 11, 11), CancellationToken.None);
        var again = await service.SendAsync(Dutch(2026, 11, 12), CancellationToken.None);

        Assert.Equal(("2026-10", 2, 0), (first.Period, first.Sent, first.AlreadySent));
        Assert.Equal((0, 2), (again.Sent, again.AlreadySent));
        Assert.Equal(["a@laat.nl", "b@laat.nl"], parts.Reminders.Select(r => r.Recipient.Email).Order());
        Assert.All(parts.Reminders, r => Assert.Equal(("laat", "oktober 2026", "10 november 2026"), (r.CompanyId, r.Month, r.Due)));
    }
}
