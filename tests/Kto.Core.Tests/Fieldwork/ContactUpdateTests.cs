using Kto.Core.Fieldwork;
using Kto.Core.Survey;

namespace Kto.Core.Tests.Fieldwork;

public sealed class ContactUpdateTests
{
    private static readonly ServiceRef Service = new("acme", 2026, "s1");
    private static readonly DateTimeOffset At = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private static ContactUpdate For(int step, string mode, string outcome) =>
        ContactUpdate.For(new ContactAttempt(Service, new ContactStep(step), mode, At, outcome), TimeSpan.FromMinutes(30));

    [Fact]
    public void A_sent_invitation_moves_the_service_on_and_counts_as_approached()
    {
        Assert.Equal(new ContactUpdate(StepsSent: 1, InvitedAt: At, Approached: true), For(0, ContactModes.Email, AttemptOutcomes.Sent));
    }

    [Fact]
    public void A_sent_reminder_keeps_the_invitation_time()
    {
        Assert.Equal(new ContactUpdate(StepsSent: 2, Approached: true), For(1, ContactModes.Email, AttemptOutcomes.Sent));
    }

    [Fact]
    public void A_deferred_mail_waits_and_does_not_count()
    {
        Assert.Equal(new ContactUpdate(RetryAfter: At.AddMinutes(30), Deferrals: 1), For(0, ContactModes.Email, AttemptOutcomes.Deferred));
    }

    [Fact]
    public void A_failed_email_is_a_bounce_but_a_failed_letter_is_not()
    {
        Assert.Equal(true, For(0, ContactModes.Email, AttemptOutcomes.Failed).EmailBounced);
        Assert.Null(For(0, ContactModes.Letter, AttemptOutcomes.Failed).EmailBounced);
        Assert.False(For(0, ContactModes.Letter, AttemptOutcomes.Failed).Approached);
    }

    [Theory]
    [InlineData(AttemptOutcomes.Sent, true)]
    [InlineData(AttemptOutcomes.Reached, true)]
    [InlineData(AttemptOutcomes.NoAnswer, true)]
    [InlineData(AttemptOutcomes.Unknown, true)]
    [InlineData(AttemptOutcomes.Failed, false)]
    [InlineData(AttemptOutcomes.Deferred, false)]
    public void What_counts_as_approached(string outcome, bool approached)
    {
        Assert.Equal(approached, AttemptOutcomes.CountsAsApproach(outcome));
    }
}
