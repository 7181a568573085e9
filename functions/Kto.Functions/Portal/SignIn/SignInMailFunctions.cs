using Kto.Core.Accounts;
using Microsoft.DurableTask;

namespace Kto.Functions.Portal;

/// <summary>
/// Sign-in mails leave the request: "send me a link" queues the mail in storage and starts this orchestration, whose
/// activity talks to the mail server; the request answers without waiting for it, in the same time whether or not
/// the address has an account. The timer is the safety net for a mail whose sender died (its claim runs out).
/// </summary>
public sealed class SignInMailFunctions(SignInService signIn)
{
    [Function(nameof(SendSignInMail))]
    public Task SendSignInMail([OrchestrationTrigger] TaskOrchestrationContext context, string queued) =>
        context.CallActivityAsync(nameof(SendQueuedSignInMail), queued);

    [Function(nameof(SendQueuedSignInMail))]
    public Task SendQueuedSignInMail([ActivityTrigger] string queued, CancellationToken cancellationToken) =>
        signIn.SendQueuedAsync(queued, cancellationToken);

    [Function(nameof(SendLeftoverSignInMails))]
    public Task SendLeftoverSignInMails([TimerTrigger("0 */2 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        signIn.SendLeftoversAsync(cancellationToken);
}
