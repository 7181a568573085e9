using Kto.Core.Survey;

namespace Kto.Core.Fieldwork;

/// <summary>What the contact rules need of one service: how far it is, and whether e-mail can reach it.</summary>
/// <param name="StepsSent">Number of steps done: 0 = nothing, 1 = invited, 2 = first reminder sent, …</param>
/// <param name="InvitedAt">When the invitation went out (reminders count from here).</param>
/// <param name="RetryAfter">After a temporary SMTP failure: not before this moment.</param>
/// <param name="Deferrals">Deferred attempts of the step that is due now (the mail job gives up after a cap).</param>
public sealed record ContactState(
    ServiceStatus Status,
    bool HasEmail,
    bool EmailBounced,
    int StepsSent,
    DateTimeOffset? InvitedAt,
    DateTimeOffset? RetryAfter,
    int Deferrals = 0)
{
    /// <summary>E-mail can reach the client: an address was delivered and no mail to it bounced.</summary>
    public bool HasUsableEmail => HasEmail && !EmailBounced;
}
