using System.Diagnostics;
using Kto.Core.Companies;
using Kto.Core.Settings;
using Kto.Core.Survey;

namespace Kto.Core.Fieldwork;

/// <summary>
/// Sends the invitations or reminders that are due. Two runs never mail the same step of a service twice: a run
/// claims a service with optimistic concurrency before it sends, and records the attempt after. A claim left by a
/// crashed run is recorded as "unknown" and not sent again (the mail may have gone out just before the crash).
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
    KtoSettings kto,
    TimeProvider time)
{
    public async Task<MailJobResult> RunAsync(MailJob job, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var run = new Run(job, now);
        if (policy.IsQuietTime(now)) return run.Result(MailJobResult.StopReasons.QuietTime);

        var clock = Stopwatch.StartNew();
        await using var session = new LazySession(sender);
        foreach (var company in await companies.ListAsync(cancellationToken))
        foreach (var year in policy.YearsInFieldwork(now))
        await foreach (var candidate in store.CandidatesAsync(company.Id, year, cancellationToken))
        {
            var step = policy.DueEmailStep(candidate.State, year, now);
            if (step is null || step.Value.IsInvitation != (job == MailJob.SendInvitations)) continue;
            if (clock.Elapsed > settings.RunTimeLimit) return run.Result(MailJobResult.StopReasons.TimeLimit);

            if (candidate.ClaimedStep == step.Value.Number)
            {
                if (candidate.ClaimedUntil > time.GetUtcNow()) { run.SkippedBusy++; continue; }
                await RecordAsync(new ContactAttempt(candidate.Ref, step.Value, ContactModes.Email, now, AttemptOutcomes.Unknown), run, cancellationToken);
                continue;
            }

            if (!await WaitForSlotAsync(clock, cancellationToken)) return run.Result(MailJobResult.StopReasons.Throttled);
            var connection = await session.GetAsync(cancellationToken);
            if (!await store.TryClaimAsync(candidate, step.Value, time.GetUtcNow() + settings.ClaimDuration, cancellationToken))
            {
                run.SkippedBusy++;
                continue;
            }

            var contact = await store.GetContactAsync(candidate.Ref, cancellationToken);
            if (string.IsNullOrEmpty(contact?.Email))
            {
                await RecordAsync(new ContactAttempt(candidate.Ref, step.Value, ContactModes.Email, now, AttemptOutcomes.Failed), run, cancellationToken);
                continue;
            }

            var mail = composer.Compose(await ContentAsync(candidate, step.Value, contact, company.Name, cancellationToken));
            var result = await connection.SendAsync(mail, cancellationToken);
            var outcome = result.Outcome switch
            {
                MailOutcome.Accepted => AttemptOutcomes.Sent,
                MailOutcome.Transient => AttemptOutcomes.Deferred,
                _ => AttemptOutcomes.Failed,
            };
            await RecordAsync(new ContactAttempt(candidate.Ref, step.Value, ContactModes.Email, now, outcome, result.SmtpCode), run, cancellationToken);
        }
        return run.Result(MailJobResult.StopReasons.Done);
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
            SurveyLinks.Questionnaire(kto.PublicBaseUrl, token), SurveyLinks.OptOut(kto.PublicBaseUrl, optOutToken),
            policy.FieldworkCloses(candidate.Ref.Year));
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

    private async Task RecordAsync(ContactAttempt attempt, Run run, CancellationToken cancellationToken)
    {
        await store.RecordAsync(attempt, ContactUpdate.For(attempt, settings.RetryAfter), cancellationToken);
        run.Count(attempt.Outcome);
    }

    /// <summary>Connects on the first mail, before anything is claimed: when the server is down nothing is left half-done.</summary>
    private sealed class LazySession(IMailSender sender) : IAsyncDisposable
    {
        private IMailSession? session;

        public async Task<IMailSession> GetAsync(CancellationToken cancellationToken) =>
            session ??= await sender.OpenAsync(cancellationToken);

        public ValueTask DisposeAsync() => session?.DisposeAsync() ?? ValueTask.CompletedTask;
    }

    private sealed class Run(MailJob job, DateTimeOffset at)
    {
        private int sent, deferred, bounced, unknown;
        public int SkippedBusy;

        public void Count(string outcome)
        {
            switch (outcome)
            {
                case AttemptOutcomes.Sent: sent++; break;
                case AttemptOutcomes.Deferred: deferred++; break;
                case AttemptOutcomes.Failed: bounced++; break;
                case AttemptOutcomes.Unknown: unknown++; break;
            }
        }

        public MailJobResult Result(string stopped) => new(
            job == MailJob.SendInvitations ? MailJobNames.SendInvitations : MailJobNames.SendReminders,
            at, sent, deferred, bounced, unknown, SkippedBusy, stopped);
    }
}
