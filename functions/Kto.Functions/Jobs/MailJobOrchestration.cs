using Kto.Core.Fieldwork;
using Microsoft.DurableTask;

namespace Kto.Functions.Jobs;

/// <summary>
/// A mail run the bureau started over HTTP runs as a Durable activity, not in the HTTP request: under the
/// throttle a run takes minutes, longer than an HTTP request may last on Azure (230 s), and an activity outlives the
/// request, is not tied to the instance that took it, and is run again if its worker dies (safe: claims keep every
/// mail single). The orchestrator only calls the one activity; the run id is the instance id.
/// </summary>
public sealed class MailJobOrchestration(MailRunService mailRuns)
{
    [Function(nameof(RunMailJob))]
    public Task<MailRun> RunMailJob([OrchestrationTrigger] TaskOrchestrationContext context, MailRun queued) =>
        context.CallActivityAsync<MailRun>(nameof(SendMailRun), queued);

    [Function(nameof(SendMailRun))]
    public Task<MailRun> SendMailRun([ActivityTrigger] MailRun queued, CancellationToken cancellationToken) =>
        mailRuns.RunAsync(queued, cancellationToken);
}
