using System.Diagnostics;
using Kto.Core.Companies;
using Kto.Core.Settings;
using Kto.Core.Survey;

namespace Kto.Core.Fieldwork;

/// <summary>
/// Sends the invitations or reminders that are due. Two runs never mail the same step of a service twice: a run
/// claims a service with optimistic concurrency before it sends, and records the attempt after. A claim left by a
/// crashed run is recorded as "unknown" and not sent again (the mail may have gone out just before the crash).
/// One client never stops a run: whatever goes wrong for one client (an address the mail library refuses, a
/// template error, a failing token write, a dropped connection) defers that client with a recorded attempt, and
/// the run goes on with the next client and company.
/// </summary>
public sealed class MailJobService(
    ICompanyStore companies,
    IFieldworkStore store,
    ISurveyTokenStore tokens,
    IMailSender sender,
    IMailComposer composer,
    IMailThrottle throttle,
    ContactPolicy policy,
    MailSettings settings,
    ISurveyLinks links,
    TimeProvider time)
{
    /// <summary>Connection failures in a row (no answer from the server at all) after which a run stops.</summary>
    public const int ConnectionFailuresBeforeStop = 3;

    /// <param name="progress">Told the counts after every client the run acted on (for the run's status).</param>
    public async Task<MailJobResult> RunAsync(MailJob job, DateTimeOffset now, CancellationToken cancellationToken,
        IProgress<MailJobResult>? progress = null)
    {
        var run = new Run(job, now, progress);
        if (policy.IsQuietTime(now)) return run.Result(MailJobResult.StopReasons.QuietTime);

        var clock = Stopwatch.StartNew();
        await using var session = new LazySession(sender);
        foreach (var company in await companies.ListAsync(cancellationToken))
        foreach (var year in policy.YearsInFieldwork(now))
        {
            try
            {
                await foreach (var candidate in store.CandidatesAsync(company.Id, year, cancellationToken))
                {
                    var step = policy.DueEmailStep(candidate.State, year, now);
                    if (step is null || step.Value.IsInvitation != (job == MailJob.SendInvitations)) continue;
                    if (clock.Elapsed > settings.RunTimeLimit) return run.Result(MailJobResult.StopReasons.TimeLimit);
                    if (await HandleAsync(run, session, clock, company.Name, candidate, step.Value, now, cancellationToken) is { } stop)
                        return run.Result(stop);
                }
            }
            catch (Exception e) when (!IsCancellation(e, cancellationToken))
            {
                // This company's services could not be read (now): the other companies still get their mail.
                run.Errors++;
            }
        }
        return run.Result(MailJobResult.StopReasons.Done);
    }

    /// <returns>A stop reason when the whole run must stop; null to go on with the next client.</returns>
    private async Task<string?> HandleAsync(Run run, LazySession session, Stopwatch clock, string companyName,
        FieldworkCandidate candidate, ContactStep step, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (candidate.ClaimedStep == step.Number)
        {
            if (candidate.ClaimedUntil > time.GetUtcNow()) { run.SkippedBusy++; return null; }
            await TryRecordAsync(new ContactAttempt(candidate.Ref, step, ContactMode.Email, now, AttemptOutcome.Unknown), candidate, run, cancellationToken);
            return null;
        }

        if (!await WaitForSlotAsync(clock, cancellationToken)) return MailJobResult.StopReasons.Throttled;
        IMailSession connection;
        try
        {
            connection = await session.GetAsync(cancellationToken);
        }
        catch (Exception e) when (!IsCancellation(e, cancellationToken))
        {
            // Nothing is claimed yet: the next run starts here again.
            return MailJobResult.StopReasons.MailServerUnavailable;
        }

        try
        {
            if (!await store.TryClaimAsync(candidate, step, time.GetUtcNow() + settings.ClaimDuration, cancellationToken))
            {
                run.SkippedBusy++;
                return null;
            }
        }
        catch (Exception e) when (!IsCancellation(e, cancellationToken))
        {
            // Whether the claim was written is unknown, and another run may hold it now: leave the service alone.
            run.Errors++;
            return null;
        }

        var accepted = false;
        try
        {
            var contact = await store.GetContactAsync(candidate.Ref, cancellationToken);
            if (string.IsNullOrEmpty(contact?.Email))
            {
                await RecordAsync(new ContactAttempt(candidate.Ref, step, ContactMode.Email, now, AttemptOutcome.Failed), candidate, run, cancellationToken);
                return null;
            }

            var mail = composer.Compose(await ContentAsync(candidate, step, contact, companyName, cancellationToken));
            var result = await connection.SendAsync(mail, cancellationToken);
            accepted = result.Outcome == MailOutcome.Accepted;
            var outcome = result.Outcome switch
            {
                MailOutcome.Accepted => AttemptOutcome.Sent,
                MailOutcome.Transient => AttemptOutcome.Deferred,
                _ => AttemptOutcome.Failed,
            };
            await RecordAsync(new ContactAttempt(candidate.Ref, step, ContactMode.Email, now, outcome, result.SmtpCode), candidate, run, cancellationToken);

            // A temporary failure without any answer from the server is the connection, not this client.
            run.ConnectionFailures = result is { Outcome: MailOutcome.Transient, SmtpCode: null } ? run.ConnectionFailures + 1 : 0;
            return run.ConnectionFailures >= ConnectionFailuresBeforeStop ? MailJobResult.StopReasons.MailServerUnavailable : null;
        }
        catch (Exception e) when (!IsCancellation(e, cancellationToken))
        {
            run.Errors++;
            if (accepted)
            {
                // The server took the mail but recording it failed: try once more. If that fails too, the claim stays
                // and the next run records the step as unknown; never a deferral, which would send it a second time.
                await TryRecordAsync(new ContactAttempt(candidate.Ref, step, ContactMode.Email, now, AttemptOutcome.Sent), candidate, run, cancellationToken);
                return null;
            }
            await TryRecordAsync(new ContactAttempt(candidate.Ref, step, ContactMode.Email, now, AttemptOutcome.Deferred, Error: e.GetType().Name),
                candidate, run, cancellationToken);
            return null;
        }
    }

    private async Task<MailContent> ContentAsync(FieldworkCandidate candidate, ContactStep step, ContactDetails contact,
        string companyName, CancellationToken cancellationToken)
    {
        // A fresh token per mail; only its hash is stored, and earlier links of the same client keep working.
        // The opt-out link (also List-Unsubscribe) gets a token of its own that can only opt out.
        var (token, hash) = SurveyToken.New();
        await tokens.SaveAsync(hash, candidate.Ref, TokenPurpose.Survey, cancellationToken);
        var (optOutToken, optOutHash) = SurveyToken.New();
        await tokens.SaveAsync(optOutHash, candidate.Ref, TokenPurpose.OptOut, cancellationToken);
        return new MailContent(step, contact.Email!, contact.Salutation(), companyName, candidate.Perceel,
            links.Questionnaire(token), links.OptOut(optOutToken),
            policy.FieldworkCloses(candidate.Ref.Year), candidate.Audience);
    }

    private async Task<bool> WaitForSlotAsync(Stopwatch clock, CancellationToken cancellationToken)
    {
        while (await throttle.TryReserveAsync(cancellationToken) is { } wait)
        {
            if (wait > settings.MaxThrottleWait || clock.Elapsed + wait > settings.RunTimeLimit) return false;
            await Task.Delay(wait, time, cancellationToken);
        }
        return true;
    }

    private async Task RecordAsync(ContactAttempt attempt, FieldworkCandidate candidate, Run run, CancellationToken cancellationToken)
    {
        var deferralsBefore = candidate.State.Deferrals;
        // A client who keeps failing is not retried forever: past the cap the step is given up for e-mail, and the
        // client moves to the offline list (a letter or a call) like a bounce.
        if (attempt.Outcome == AttemptOutcome.Deferred && deferralsBefore + 1 >= settings.MaxDeferrals)
            attempt = attempt with { Outcome = AttemptOutcome.Failed };
        await store.RecordAsync(attempt, ContactUpdate.For(attempt, settings.RetryAfter, deferralsBefore), cancellationToken);
        run.Count(attempt.Outcome);
    }

    /// <summary>Records, but a failing store does not stop the run: the claim then stays and expires.</summary>
    private async Task TryRecordAsync(ContactAttempt attempt, FieldworkCandidate candidate, Run run, CancellationToken cancellationToken)
    {
        try
        {
            await RecordAsync(attempt, candidate, run, cancellationToken);
        }
        catch (Exception e) when (!IsCancellation(e, cancellationToken))
        {
            run.Errors++;
        }
    }

    private static bool IsCancellation(Exception e, CancellationToken cancellationToken) =>
        e is OperationCanceledException && cancellationToken.IsCancellationRequested;

    /// <summary>Connects on the first mail, before anything is claimed: when the server is down nothing is left half-done.</summary>
    private sealed class LazySession(IMailSender sender) : IAsyncDisposable
    {
        private IMailSession? session;

        public async Task<IMailSession> GetAsync(CancellationToken cancellationToken) =>
            session ??= await sender.OpenAsync(cancellationToken);

        public ValueTask DisposeAsync() => session?.DisposeAsync() ?? ValueTask.CompletedTask;
    }

    private sealed class Run(MailJob job, DateTimeOffset at, IProgress<MailJobResult>? progress)
    {
        private int sent, deferred, bounced, unknown;
        public int SkippedBusy;
        public int Errors;
        public int ConnectionFailures;

        public void Count(AttemptOutcome outcome)
        {
            switch (outcome)
            {
                case AttemptOutcome.Sent: sent++; break;
                case AttemptOutcome.Deferred: deferred++; break;
                case AttemptOutcome.Failed: bounced++; break;
                case AttemptOutcome.Unknown: unknown++; break;
            }
            progress?.Report(Result(Running));
        }

        public MailJobResult Result(string stopped) => new(
            MailJobNames.Of(job), at, sent, deferred, bounced, unknown, SkippedBusy, stopped, Errors);
    }

    /// <summary>The stop reason of a run that has not stopped yet (in progress reports).</summary>
    public const string Running = "running";
}
