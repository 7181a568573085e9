using Kto.Core.Fieldwork;
using Kto.Core.Privacy;
using Kto.Core.Settings;

namespace Kto.Core.Tests.Privacy;

public class RetentionPolicyTests
{
    // Fieldwork of 2025 closes on 31 January 2026; contacts are kept 10 days after: through 10 February 2026 (Dutch date).
    private static RetentionPolicy Policy(int rawFileDays = 30) => new(
        new ContactPolicy(new FieldworkSettings { ClosesMonth = 1, ClosesDay = 31 }),
        new BureauSettings { ContactRetentionDays = 10 },
        new DeliverySettings { RawFileRetentionDays = rawFileDays });

    [Fact]
    // Rule: contacts are kept through the last retention day after the fieldwork closes, Dutch time.
    public void Contacts_are_kept_through_the_last_retention_day()
    {
        // 23:59 on 10 February in the Netherlands (UTC+1).
        Assert.False(Policy().ContactsExpired(2025, new DateTimeOffset(2026, 2, 10, 22, 59, 0, TimeSpan.Zero)));
    }

    [Fact]
    // Rule: from the first Dutch minute of the day after the last retention day, the contacts have expired.
    public void Contacts_expire_on_the_day_after_the_retention_period()
    {
        // 00:00 on 11 February in the Netherlands, still 10 February in UTC.
        Assert.True(Policy().ContactsExpired(2025, new DateTimeOffset(2026, 2, 10, 23, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    // Rule: a year whose fieldwork has not closed yet is never expired.
    public void Contacts_of_a_year_in_fieldwork_have_not_expired()
    {
        Assert.False(Policy().ContactsExpired(2026, new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    // Rule: raw files uploaded more than RawFileRetentionDays ago are due, so the cut-off lies that many days back.
    public void Raw_files_are_due_after_the_retention_days()
    {
        var now = new DateTimeOffset(2026, 3, 31, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal(now.AddDays(-30), Policy(rawFileDays: 30).RawFilesUploadedBefore(now));
    }
}
