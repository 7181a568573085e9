using Kto.Core.Fieldwork;
using Kto.Core.Survey;

namespace Kto.Core.Tests.Fieldwork;

public sealed class ContactUpdateTests
{
    private static readonly ServiceRef Service = new("acme", 2026, "s1");
    private static readonly DateTimeOffset At = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private static ContactUpdate For(int step, ContactMode mode, AttemptOutcome outcome) =>
        ContactUpdate.For(new ContactAttempt(Service, new ContactStep(step), mode, At, outcome), TimeSpan.FromMinutes(30));

    [Fact]
    public void A_sent_invitation_moves_the_service_on_and_counts_as_approached()
    {
        Assert.Equal(new ContactUpdate(StepsSent: 1, InvitedAt: At, Approached: true), For(0, ContactMode.Email, AttemptOutcome.Sent));
    }

    [Fact]
    public void A_sent_reminder_keeps_the_invitation_time()
    {
        Assert.Equal(new ContactUpdate(StepsSent: 2, Approached: true), For(1, ContactMode.Email, AttemptOutcome.Sent));
    }

    [Fact]
    public void A_deferred_mail_waits_and_does_not_count()
    {
        Assert.Equal(new ContactUpdate(RetryAfter: At.AddMinutes(30), Deferrals: 1), For(0, ContactMode.Email, AttemptOutcome.Deferred));
    }

    [Fact]
    public void A_failed_email_is_a_bounce_but_a_failed_letter_is_not()
    {
        Assert.Equal(true, For(0, ContactMode.Email, AttemptOutcome.Failed).EmailBounced);
        Assert.Null(For(0, ContactMode.Letter, AttemptOutcome.Failed).EmailBounced);
        Assert.False(For(0, ContactMode.Letter, AttemptOutcome.Failed).Approached);
    }

    [Theory]
    [InlineData(AttemptOutcome.Sent, true)]
    [InlineData(AttemptOutcome.Reached, true)]
    [InlineData(AttemptOutcome.NoAnswer, true)]
    [InlineData(AttemptOutcome.Unknown, true)]
    [InlineData(AttemptOutcome.Failed, false)]
    [InlineData(AttemptOutcome.Deferred, false)]
    public void What_counts_as_approached(AttemptOutcome outcome, bool approached)
    {
        Assert.Equal(approached, AttemptOutcomes.CountsAsApproach(outcome));
    }
}
