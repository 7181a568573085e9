using Kto.Core.Fieldwork;
using Kto.Core.Settings;
using Kto.Core.Survey;

namespace Kto.Core.Tests.Fieldwork;

public sealed class ContactPolicyTests
{
    private static readonly ContactPolicy Policy = new(new FieldworkSettings());
    private static readonly DateTimeOffset Invited = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(1)); // a Monday

    private static ContactState State(int steps = 0, ServiceStatus status = ServiceStatus.Open, bool hasEmail = true,
        bool bounced = false, DateTimeOffset? invitedAt = null, DateTimeOffset? retryAfter = null) =>
        new(status, hasEmail, bounced, steps, invitedAt, retryAfter);

    [Fact]
    public void A_new_service_is_due_its_invitation()
    {
        Assert.Equal(ContactStep.Invitation, Policy.DueEmailStep(State(), 2026, Invited));
    }

    [Theory]
    [InlineData(6.9, null)]
    [InlineData(7.0, 1)]
    [InlineData(13.9, 1)]
    public void The_first_reminder_is_due_seven_days_after_the_invitation(double daysLater, int? expectedStep)
    {
        var step = Policy.DueEmailStep(State(steps: 1, invitedAt: Invited), 2026, Invited.AddDays(daysLater));
        Assert.Equal(expectedStep, step?.Number);
    }

    [Fact]
    public void The_second_reminder_comes_fourteen_days_after_the_invitation_and_then_nothing_more()
    {
        Assert.Null(Policy.DueEmailStep(State(steps: 2, invitedAt: Invited), 2026, Invited.AddDays(13)));
        Assert.Equal(2, Policy.DueEmailStep(State(steps: 2, invitedAt: Invited), 2026, Invited.AddDays(14))?.Number);
        Assert.Null(Policy.DueEmailStep(State(steps: 3, invitedAt: Invited), 2026, Invited.AddDays(60)));
    }

    [Theory]
    [InlineData(ServiceStatus.Responded)]
    [InlineData(ServiceStatus.OptedOut)]
    public void Responded_or_opted_out_clients_get_nothing(ServiceStatus status)
    {
        Assert.Null(Policy.DueEmailStep(State(status: status), 2026, Invited));
        Assert.Null(Policy.DueEmailStep(State(steps: 1, status: status, invitedAt: Invited), 2026, Invited.AddDays(8)));
    }

    [Fact]
    public void No_email_bounced_or_waiting_for_a_retry_means_no_mail_now()
    {
        Assert.Null(Policy.DueEmailStep(State(hasEmail: false), 2026, Invited));
        Assert.Null(Policy.DueEmailStep(State(bounced: true), 2026, Invited));
        Assert.Null(Policy.DueEmailStep(State(retryAfter: Invited.AddMinutes(30)), 2026, Invited));
        Assert.Equal(ContactStep.Invitation, Policy.DueEmailStep(State(retryAfter: Invited.AddMinutes(30)), 2026, Invited.AddMinutes(31)));
    }

    [Fact]
    public void Fieldwork_closes_after_31_January_of_the_next_year()
    {
        Assert.True(Policy.IsFieldworkOpen(2026, new DateTimeOffset(2027, 1, 31, 23, 30, 0, TimeSpan.FromHours(1))));
        Assert.False(Policy.IsFieldworkOpen(2026, new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.FromHours(1))));
        Assert.Equal([2026, 2027], Policy.YearsInFieldwork(new DateTimeOffset(2027, 1, 15, 12, 0, 0, TimeSpan.Zero)));
        Assert.Equal([2027], Policy.YearsInFieldwork(new DateTimeOffset(2027, 2, 15, 12, 0, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("2026-03-02T07:59:00+01:00", true)]  // Monday before eight
    [InlineData("2026-03-02T08:00:00+01:00", false)]
    [InlineData("2026-03-02T20:59:00+01:00", false)]
    [InlineData("2026-03-02T21:00:00+01:00", true)]
    [InlineData("2026-03-08T12:00:00+01:00", true)]  // Sunday
    [InlineData("2026-07-06T06:30:00+00:00", false)] // 08:30 in Amsterdam summer time
    public void Quiet_hours_are_in_dutch_time(string at, bool quiet)
    {
        Assert.Equal(quiet, Policy.IsQuietTime(DateTimeOffset.Parse(at)));
    }

    [Fact]
    public void Reminder_days_are_a_setting()
    {
        var one = new ContactPolicy(new FieldworkSettings { ReminderDays = "3" });
        Assert.Equal(1, one.ReminderCount);
        Assert.Equal(1, one.DueEmailStep(State(steps: 1, invitedAt: Invited), 2026, Invited.AddDays(3))?.Number);
        Assert.Null(one.DueEmailStep(State(steps: 2, invitedAt: Invited), 2026, Invited.AddDays(30)));
    }
}

public sealed class DueLetterTests
{
    private static readonly ContactPolicy Policy = new(new FieldworkSettings());
    private static readonly DateTimeOffset Posted = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_first_letter_is_due_when_none_was_posted_and_not_after_fieldwork_closed()
    {
        Assert.Equal(ContactStep.Invitation, Policy.DueLetter([], 2026, Posted));
        Assert.Null(Policy.DueLetter([], 2025, Posted)); // 2025's fieldwork closed on 31 January 2026
    }

    [Theory]
    [InlineData(6.9, null)]
    [InlineData(7.0, 1)]
    public void A_reminder_letter_follows_the_reminder_days_after_the_first_letter(double daysLater, int? expected)
    {
        Assert.Equal(expected, Policy.DueLetter([Posted], 2026, Posted.AddDays(daysLater))?.Number);
    }

    [Fact]
    public void The_second_reminder_counts_from_the_first_letter_and_then_no_more()
    {
        Assert.Null(Policy.DueLetter([Posted, Posted.AddDays(8)], 2026, Posted.AddDays(13.9)));
        Assert.Equal(2, Policy.DueLetter([Posted.AddDays(8), Posted], 2026, Posted.AddDays(14))?.Number);
        Assert.Null(Policy.DueLetter([Posted, Posted.AddDays(8), Posted.AddDays(15)], 2026, Posted.AddDays(90)));
    }
}
