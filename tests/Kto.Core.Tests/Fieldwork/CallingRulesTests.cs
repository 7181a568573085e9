using Kto.Core.Fieldwork;
using Kto.Core.Settings;
using Kto.Core.Survey;

namespace Kto.Core.Tests.Fieldwork;

/// <summary>The contact policy's rules for calls, and the e-mail rules at their edges (fieldwork closed, no invitation time).</summary>
public sealed class CallingRulesTests
{
    private static readonly ContactPolicy Policy = new(new FieldworkSettings());
    private static readonly ServiceRef Service = new("acme", 2026, "s-1");
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(1));

    private static ContactAttempt Call(AttemptOutcome outcome, ContactMode mode = ContactMode.Phone) =>
        new(Service, ContactStep.Invitation, mode, Monday, outcome);

    [Theory]
    [InlineData("2026-03-02T08:59:00+01:00", false)] // Monday before nine
    [InlineData("2026-03-02T09:00:00+01:00", true)]
    [InlineData("2026-03-02T19:59:00+01:00", true)]
    [InlineData("2026-03-02T20:00:00+01:00", false)]
    [InlineData("2026-03-08T12:00:00+01:00", false)] // Sunday
    [InlineData("2026-03-07T12:00:00+01:00", true)]  // Saturday
    [InlineData("2026-07-06T07:30:00+00:00", true)]  // 09:30 in Amsterdam summer time
    public void Interviewers_call_from_nine_until_eight_dutch_time_and_not_on_sunday(string at, bool calling)
    {
        Assert.Equal(calling, Policy.IsCallingTime(DateTimeOffset.Parse(at)));
    }

    [Fact]
    public void Sunday_calls_and_mails_are_allowed_when_the_settings_say_so()
    {
        var sunday = DateTimeOffset.Parse("2026-03-08T12:00:00+01:00");
        var open = new ContactPolicy(new FieldworkSettings { NoCallsOnSunday = false, NoMailOnSunday = false });

        Assert.True(open.IsCallingTime(sunday));
        Assert.False(open.IsQuietTime(sunday));
        Assert.Equal("van 9:00 tot 20:00 uur", open.CallingHoursText);
    }

    [Fact]
    public void The_pages_say_the_calling_hours_from_the_settings()
    {
        Assert.Equal("van 9:00 tot 20:00 uur, niet op zondag", Policy.CallingHoursText);
        Assert.Equal("van 10:00 tot 18:00 uur, niet op zondag",
            new ContactPolicy(new FieldworkSettings { CallFromHour = 10, CallUntilHour = 18 }).CallingHoursText);
    }

    [Fact]
    public void Calling_ends_at_the_maximum_number_of_calls_and_counts_only_calls()
    {
        var four = Enumerable.Repeat(Call(AttemptOutcome.NoAnswer), Policy.MaxCallAttempts - 1).ToList();
        Assert.False(Policy.CallingEnded(four));
        Assert.False(Policy.CallingEnded(four.Append(Call(AttemptOutcome.Sent, ContactMode.Email)).Append(Call(AttemptOutcome.Failed, ContactMode.Letter))));
        Assert.True(Policy.CallingEnded(four.Append(Call(AttemptOutcome.Voicemail))));
        Assert.Equal(5, Policy.MaxCallAttempts);
    }

    [Theory]
    [InlineData(AttemptOutcome.Refused, true)]
    [InlineData(AttemptOutcome.WrongNumber, true)]
    [InlineData(AttemptOutcome.Failed, true)]
    [InlineData(AttemptOutcome.NoAnswer, false)]
    [InlineData(AttemptOutcome.Voicemail, false)]
    [InlineData(AttemptOutcome.CallBack, false)]
    [InlineData(AttemptOutcome.Reached, false)]
    public void One_refusal_or_wrong_number_ends_calling_at_once(AttemptOutcome outcome, bool ends)
    {
        Assert.Equal(ends, Policy.CallingEnded([Call(outcome)]));
    }

    [Fact]
    public void A_bounced_mail_does_not_end_calling()
    {
        Assert.False(Policy.CallingEnded([Call(AttemptOutcome.Failed, ContactMode.Email), Call(AttemptOutcome.Failed, ContactMode.Letter)]));
    }

    [Fact]
    public void No_email_step_is_due_once_fieldwork_has_closed()
    {
        var closed = new DateTimeOffset(2027, 2, 1, 12, 0, 0, TimeSpan.FromHours(1));
        var state = new ContactState(ServiceStatus.Open, true, false, 0, null, null);

        Assert.Null(Policy.DueEmailStep(state, 2026, closed));
        Assert.Equal(ContactStep.Invitation, Policy.DueEmailStep(state, 2027, closed));
    }

    [Fact]
    public void No_reminder_is_due_without_a_recorded_invitation_time()
    {
        var state = new ContactState(ServiceStatus.Open, true, false, 1, null, null);
        Assert.Null(Policy.DueEmailStep(state, 2026, Monday.AddDays(30)));
    }

    [Fact]
    public void A_retry_time_that_has_come_no_longer_holds_the_mail_back()
    {
        var state = new ContactState(ServiceStatus.Open, true, false, 0, null, Monday);
        Assert.Equal(ContactStep.Invitation, Policy.DueEmailStep(state, 2026, Monday));
    }

    [Fact]
    public void Fieldwork_closing_is_a_setting()
    {
        var policy = new ContactPolicy(new FieldworkSettings { ClosesMonth = 3, ClosesDay = 15 });
        Assert.Equal(new DateOnly(2027, 3, 15), policy.FieldworkCloses(2026));
        Assert.True(policy.IsFieldworkOpen(2026, new DateTimeOffset(2027, 3, 15, 22, 0, 0, TimeSpan.FromHours(1))));
        Assert.False(policy.IsFieldworkOpen(2026, new DateTimeOffset(2027, 3, 16, 0, 0, 0, TimeSpan.FromHours(1))));
    }

    [Fact]
    public void Reminder_days_may_be_written_in_any_order_with_spaces()
    {
        var policy = new ContactPolicy(new FieldworkSettings { ReminderDays = " 14, 7 ,," });
        var state = new ContactState(ServiceStatus.Open, true, false, 1, Monday, null);

        Assert.Equal(2, policy.ReminderCount);
        Assert.Equal(1, policy.DueEmailStep(state, 2026, Monday.AddDays(7))?.Number);
    }
}
