namespace Kto.Core.Fieldwork;

/// <summary>How a recorded attempt moves a service on; null fields stay as they are. The claim is always cleared.</summary>
/// <param name="Deferrals">Deferred attempts of the attempt's step so far, this one included.</param>
public sealed record ContactUpdate(
    int? StepsSent = null,
    DateTimeOffset? InvitedAt = null,
    bool? EmailBounced = null,
    DateTimeOffset? RetryAfter = null,
    bool Approached = false,
    int? Deferrals = null)
{
    /// <summary>The one rule for what an attempt's outcome does to the service.</summary>
    /// <param name="deferralsBefore">Deferred attempts of this step before this one (from the state the run read).</param>
    public static ContactUpdate For(ContactAttempt attempt, TimeSpan retryAfter, int deferralsBefore = 0)
    {
        var counts = AttemptOutcomes.CountsAsApproach(attempt.Outcome);
        return attempt.Outcome switch
        {
            AttemptOutcome.Deferred => new ContactUpdate(RetryAfter: attempt.At + retryAfter, Deferrals: deferralsBefore + 1),
            AttemptOutcome.Failed when attempt.Mode == ContactMode.Email => new ContactUpdate(EmailBounced: true),
            AttemptOutcome.Failed or AttemptOutcome.WrongNumber => new ContactUpdate(),
            _ => new ContactUpdate(
                StepsSent: attempt.Step.Number + 1,
                InvitedAt: attempt.Step.IsInvitation ? attempt.At : null,
                Approached: counts),
        };
    }
}
