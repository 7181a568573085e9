using System.Diagnostics;
using Kto.Core.Companies;
using Kto.Core.Settings;
using Kto.Core.Survey;

namespace Kto.Core.Fieldwork;

/// <summary>
/// Sends the invitations or reminders that are due, in batches of <see cref="MailSettings.BatchSize"/> services: one
/// throttle reservation for the batch's slots (while the last batch's service updates are written), one claim
/// transaction, then the mails one by one over one connection, then the attempts in one write and the services'
/// updates in another; contacts and tokens <see cref="ReadAhead"/> services at a time. Two runs never mail the same step of a
/// service twice: a run claims the services with optimistic concurrency before it sends, and records the attempts
/// after. A claim left by a crashed run is recorded as "unknown" and not sent again (the mail may have gone out just
/// before the crash). A run that stops mid-batch (the mail server gone, cancelled) records what it attempted and
/// releases the claims of the mails it never tried. One client never stops a run: whatever goes wrong for one
/// client (an address the mail library refuses, a template error, a failing token write, a dropped connection)
/// defers that client with a recorded attempt, and the run goes on with the next client and company.
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

    /// <summary>
    /// Services whose contacts are read in one request and whose tokens are saved in one write (100 tokens, what a table
    /// transaction holds), ahead of their claims, which stay <see cref="MailSettings.BatchSize"/> at a time.
    /// </summary>
    public const int ReadAhead = 50;

    /// <param name="progress">Told the counts after every client the run acted on (for the run's status).</param>
    public async Task<MailJobResult> RunAsync(MailJob job, DateTimeOffset now, CancellationToken cancellationToken,
        IProgress<MailJobResult>? progress = null)
    {
        var run = new Run(job, now, progress);
        if (policy.IsQuietTime(now)) return run.Result(MailJobResult.StopReasons.QuietTime);
        string stopped;
        try
        {
            stopped = await MailAsync(run, job, now, cancellationToken);
        }
        finally
        {
            // The last batch's service updates are still being written: the result counts what was recorded.
            await SettleUpdatesAsync(run);
        }
        return run.Result(stopped);
    }

    /// <returns>Why the run stopped.</returns>
    private async Task<string> MailAsync(Run run, MailJob job, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var batchSize = Math.Clamp(settings.BatchSize, 1, 100);
        var groupSize = Math.Max(batchSize, ReadAhead);
        await using var session = new LazySession(sender);
        foreach (var company in await companies.ListAsync(cancellationToken))
        foreach (var year in policy.YearsInFieldwork(now))
        {
            var batch = new List<(FieldworkCandidate Candidate, ContactStep Step)>();
            try
            {
                await foreach (var candidate in store.CandidatesAsync(company.Id, year, cancellationToken))
                {
                    var step = policy.DueEmailStep(candidate.State, year, now);
                    if (step is null || step.Value.IsInvitation != (job == MailJob.SendInvitations)) continue;
                    // Stryker disable once Equality : a stopwatch never stops on the limit's exact tick; > and >= stop the same runs
                    if (clock.Elapsed > settings.RunTimeLimit) return MailJobResult.StopReasons.TimeLimit;
                    batch.Add((candidate, step.Value));
                    if (batch.Count < groupSize) continue;
                    if (await HandleBatchAsync(run, session, clock, company.Name, Take(batch), batchSize, now, cancellationToken) is { } stop)
                        return stop;
                }
            }
            catch (Exception e) when (!IsCancellation(e, cancellationToken))
            {
                // This company's services could not be read (now): the other companies still get their mail.
                run.Errors++;
            }
            // Stryker disable once Equality : an empty batch claims, sends and records nothing, so >= 0 only adds a no-op call
            if (batch.Count > 0 && await HandleBatchAsync(run, session, clock, company.Name, Take(batch), batchSize, now, cancellationToken) is { } last)
                return last;
        }
        return MailJobResult.StopReasons.Done;
    }

    /// <summary>The batch's items, leaving the list empty for the next batch (also when handling it throws).</summary>
    private static List<(FieldworkCandidate Candidate, ContactStep Step)> Take(List<(FieldworkCandidate Candidate, ContactStep Step)> batch)
    {
        var items = batch.ToList();
        batch.Clear();
        return items;
    }

    /// <summary>
    /// A group of up to <see cref="ReadAhead"/> services (or a batch, if larger), claimed, sent and recorded a batch at a
    /// time; their contacts read in one request and their tokens saved in one write, as far ahead as the throttle has room.
    /// </summary>
    /// <returns>A stop reason when the whole run must stop; null to go on with the next group.</returns>
    private async Task<string?> HandleBatchAsync(Run run, LazySession session, Stopwatch clock, string companyName,
        List<(FieldworkCandidate Candidate, ContactStep Step)> group, int batchSize, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var crashed = new List<Attempted>();
        var due = new List<(FieldworkCandidate Candidate, ContactStep Step)>();
        foreach (var (candidate, step) in group)
        {
            if (candidate.ClaimedStep != step.Number) due.Add((candidate, step));
            else if (candidate.ClaimedUntil > time.GetUtcNow()) run.SkippedBusy++;
            // Stryker disable once Boolean : Accepted is read only for a retried record, and an unknown attempt is never retried
            else crashed.Add(new Attempted(candidate, new ContactAttempt(candidate.Ref, step, ContactMode.Email, now, AttemptOutcome.Unknown), false));
        }
        await RecordBatchAsync(crashed, run, cancellationToken);
        if (due.Count == 0) return null;

        var contactsBy = new Dictionary<ServiceRef, Task<IReadOnlyDictionary<ServiceRef, ContactDetails>?>>();
        var tokensOf = new Dictionary<ServiceRef, ((string Token, string Hash) Survey, (string Token, string Hash) OptOut)>();
        var savedBy = new Dictionary<ServiceRef, Task<bool>>();
        for (var next = 0; next < due.Count;)
        {
            // Stryker disable once Equality : a stopwatch never stops on the limit's exact tick; > and >= stop the same runs
            if (clock.Elapsed > settings.RunTimeLimit) return MailJobResult.StopReasons.TimeLimit;
            var grant = await ReserveSlotsAsync(Math.Min(batchSize, due.Count - next), clock, cancellationToken);
            if (grant is null) return MailJobResult.StopReasons.Throttled;
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
            var slice = due.GetRange(next, grant.Slots);
            // Contacts and tokens for this batch and, in the same read and write, for the next ones the throttle has room
            // for now. A read changes nothing; a token saved for a service that is not mailed after all opens nothing
            // (only its hash is stored, the token is dropped) and goes with its year's links. Only as far as the throttle
            // reaches, so a throttled run leaves (almost) no such tokens behind, and no contacts are held while it waits.
            var first = slice.FindIndex(s => !tokensOf.ContainsKey(s.Candidate.Ref));
            if (first >= 0)
            {
                var ahead = due.GetRange(next + first, Math.Min(due.Count, next + grant.Slots + grant.FreeAfter) - next - first);
                var fresh = tokens.NewTokens(2 * ahead.Count);
                for (var i = 0; i < ahead.Count; i++) tokensOf[ahead[i].Candidate.Ref] = (fresh[2 * i], fresh[2 * i + 1]);
                var saving = TrySaveAllAsync(ahead.SelectMany(s => Mail.Rows(s.Candidate.Ref, tokensOf[s.Candidate.Ref].Survey, tokensOf[s.Candidate.Ref].OptOut)).ToList(), cancellationToken);
                var contactsRead = TryGetContactsAsync(ahead, cancellationToken);
                foreach (var s in ahead) (savedBy[s.Candidate.Ref], contactsBy[s.Candidate.Ref]) = (saving, contactsRead);
            }
            next += grant.Slots;
            var saved = AllSavedAsync(slice.Select(s => savedBy[s.Candidate.Ref]).Distinct().ToList());
            var contacts = AllContactsAsync(slice.Select(s => contactsBy[s.Candidate.Ref]).Distinct().ToList());
            if (await SendAsync(run, connection, companyName, slice, contacts, tokensOf, saved, now, cancellationToken) is { } stop) return stop;
        }
        return null;
    }

    private static async Task<bool> AllSavedAsync(List<Task<bool>> savings) => (await Task.WhenAll(savings)).All(saved => saved);

    /// <summary>The contacts of a batch whose services were read ahead in more than one read; null when any failed.</summary>
    private static async Task<IReadOnlyDictionary<ServiceRef, ContactDetails>?> AllContactsAsync(
        List<Task<IReadOnlyDictionary<ServiceRef, ContactDetails>?>> reads)
    {
        var found = await Task.WhenAll(reads);
        if (found.Any(f => f is null)) return null;
        if (found.Length == 1) return found[0];
        var all = new Dictionary<ServiceRef, ContactDetails>();
        foreach (var (service, contact) in found.SelectMany(f => f!)) all[service] = contact;
        return all;
    }

    /// <summary>Claims the slice and, with the contacts read and its tokens saved (both under way), sends its mails and records them.</summary>
    private async Task<string?> SendAsync(Run run, IMailSession connection, string companyName,
        List<(FieldworkCandidate Candidate, ContactStep Step)> slice, Task<IReadOnlyDictionary<ServiceRef, ContactDetails>?> contactsRead,
        Dictionary<ServiceRef, ((string Token, string Hash) Survey, (string Token, string Hash) OptOut)> tokensOf, Task<bool> saving,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The previous slice's service updates (and so its claims) are written before this slice claims: only one
        // batch ever holds claims, so a crash leaves at most one batch "unknown", as when it was recorded in one go.
        await SettleUpdatesAsync(run);
        // The contacts read and the tokens write run while the claims are written: the slice waits for one round trip.
        var claiming = TryClaimAllAsync(slice, cancellationToken);
        var claims = await claiming;
        var claimed = new List<(FieldworkCandidate Candidate, ContactStep Step)>();
        for (var i = 0; i < slice.Count; i++)
        {
            // Busy: another run got there first. Unknown: whether the claim was written is unknown, and another run may
            // hold it now: leave the service alone.
            if (claims[i] == ClaimOutcome.Claimed) claimed.Add(slice[i]);
            else if (claims[i] == ClaimOutcome.Busy) run.SkippedBusy++;
            else run.Errors++;
        }
        var contacts = await contactsRead;
        var saved = await saving;
        if (claimed.Count == 0) return null;

        var attempted = new List<Attempted>();
        ServiceRef? inFlight = null;
        string? stop = null;
        try
        {
            foreach (var mail in await PrepareAsync(run, claimed, contacts, tokensOf, saved, attempted, now, cancellationToken))
            {
                if (stop is not null) break;
                try
                {
                    var outgoing = composer.Compose(Content(mail, companyName));
                    inFlight = mail.Candidate.Ref;
                    var result = await connection.SendAsync(outgoing, cancellationToken);
                    inFlight = null;
                    var outcome = result.Outcome switch
                    {
                        MailOutcome.Accepted => AttemptOutcome.Sent,
                        MailOutcome.Transient => AttemptOutcome.Deferred,
                        _ => AttemptOutcome.Failed,
                    };
                    attempted.Add(new Attempted(mail.Candidate, Attempt(mail, now, outcome, result.SmtpCode), result.Outcome == MailOutcome.Accepted));

                    // A temporary failure without any answer from the server is the connection, not this client.
                    run.ConnectionFailures = result is { Outcome: MailOutcome.Transient, SmtpCode: null } ? run.ConnectionFailures + 1 : 0;
                    if (run.ConnectionFailures >= ConnectionFailuresBeforeStop) stop = MailJobResult.StopReasons.MailServerUnavailable;
                }
                catch (Exception e) when (!IsCancellation(e, cancellationToken))
                {
                    inFlight = null;
                    run.Errors++;
                    attempted.Add(new Attempted(mail.Candidate, Attempt(mail, now, AttemptOutcome.Deferred) with { Error = e.GetType().Name }, false));
                }
            }
        }
        finally
        {
            // Also when the run is cancelled: what was attempted is recorded, and the claims of mails never tried are
            // released so the next run sends them. A mail cancelled while being sent keeps its claim: it may have gone
            // out, so the next run records it unknown.
            var finish = cancellationToken.IsCancellationRequested ? CancellationToken.None : cancellationToken;
            await RecordBatchAsync(attempted, run, finish);
            var done = attempted.Select(a => a.Candidate.Ref).ToHashSet();
            var untried = claimed.Select(c => c.Candidate.Ref).Where(r => !done.Contains(r) && r != inFlight).ToList();
            if (untried.Count > 0)
            {
                try
                {
                    await store.ReleaseClaimsAsync(untried, finish);
                }
                catch (Exception e) when (!IsCancellation(e, finish))
                {
                    run.Errors++; // the claims expire, and the next run records those steps unknown
                }
            }
        }
        return stop;
    }

    /// <summary>Claims the slice; a claim whose write failed is <see cref="ClaimOutcome.Unknown"/>.</summary>
    private async Task<IReadOnlyList<ClaimOutcome>> TryClaimAllAsync(List<(FieldworkCandidate Candidate, ContactStep Step)> slice, CancellationToken cancellationToken)
    {
        try
        {
            return await store.TryClaimAllAsync(slice, time.GetUtcNow() + settings.ClaimDuration, cancellationToken);
        }
        catch (Exception e) when (!IsCancellation(e, cancellationToken))
        {
            return slice.Select(_ => ClaimOutcome.Unknown).ToList();
        }
    }

    /// <summary>The slice's contacts in one read; null when that failed (they are then read one by one).</summary>
    private async Task<IReadOnlyDictionary<ServiceRef, ContactDetails>?> TryGetContactsAsync(
        List<(FieldworkCandidate Candidate, ContactStep Step)> slice, CancellationToken cancellationToken)
    {
        try
        {
            return await store.GetContactsAsync(slice.Select(c => c.Candidate.Ref).ToList(), cancellationToken);
        }
        catch (Exception e) when (!IsCancellation(e, cancellationToken))
        {
            return null;
        }
    }

    /// <summary>The slice's tokens in one write (see <see cref="ISurveyTokenStore.SaveAllAsync"/>); false when that failed.</summary>
    private async Task<bool> TrySaveAllAsync(IReadOnlyList<(string TokenHash, ServiceRef Service, TokenPurpose Purpose)> rows, CancellationToken cancellationToken)
    {
        try
        {
            await tokens.SaveAllAsync(rows, cancellationToken);
            return true;
        }
        catch (Exception e) when (!IsCancellation(e, cancellationToken))
        {
            return false;
        }
    }

    /// <summary>
    /// The claimed services' contacts (read for the slice, or one by one when that read failed) with their tokens
    /// (saved for the slice, or one by one when that write failed). A service without an address is recorded failed,
    /// one whose contact or tokens could not be read or written deferred; the rest are returned, ready to send.
    /// </summary>
    private async Task<List<Mail>> PrepareAsync(Run run, List<(FieldworkCandidate Candidate, ContactStep Step)> claimed,
        IReadOnlyDictionary<ServiceRef, ContactDetails>? contacts,
        Dictionary<ServiceRef, ((string Token, string Hash) Survey, (string Token, string Hash) OptOut)> tokensOf, bool saved,
        List<Attempted> attempted, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // When the slice's read failed, one by one: a failure then costs only its own client.
        var mails = new List<Mail>();
        foreach (var (candidate, step) in claimed)
        {
            ContactDetails? contact;
            try
            {
                contact = contacts is null ? await store.GetContactAsync(candidate.Ref, cancellationToken) : contacts.GetValueOrDefault(candidate.Ref);
            }
            catch (Exception e) when (!IsCancellation(e, cancellationToken))
            {
                run.Errors++;
                attempted.Add(new Attempted(candidate, new ContactAttempt(candidate.Ref, step, ContactMode.Email, now, AttemptOutcome.Deferred, Error: e.GetType().Name), false));
                continue;
            }
            if (string.IsNullOrEmpty(contact?.Email))
            {
                attempted.Add(new Attempted(candidate, new ContactAttempt(candidate.Ref, step, ContactMode.Email, now, AttemptOutcome.Failed), false));
                continue;
            }
            // A fresh token per mail; only its hash is stored, and earlier links of the same client keep working.
            // The opt-out link (also List-Unsubscribe) gets a token of its own that can only opt out.
            var (survey, optOut) = tokensOf[candidate.Ref];
            mails.Add(new Mail(candidate, step, contact, survey, optOut));
        }
        if (saved) return mails;

        // One by one: only the client whose token cannot be written is deferred (saving a token again is harmless).
        var ready = new List<Mail>();
        foreach (var mail in mails)
        {
            try
            {
                foreach (var (hash, service, purpose) in mail.Tokens) await tokens.SaveAsync(hash, service, purpose, cancellationToken);
                ready.Add(mail);
            }
            catch (Exception e) when (!IsCancellation(e, cancellationToken))
            {
                run.Errors++;
                attempted.Add(new Attempted(mail.Candidate, Attempt(mail, now, AttemptOutcome.Deferred) with { Error = e.GetType().Name }, false));
            }
        }
        return ready;
    }

    private MailContent Content(Mail mail, string companyName) =>
        new(mail.Step, mail.Contact.Email!, mail.Contact.Salutation(), companyName, mail.Candidate.Perceel,
            links.Questionnaire(mail.Survey.Token), links.OptOut(mail.OptOut.Token),
            policy.FieldworkCloses(mail.Candidate.Ref.Year), mail.Candidate.Audience);

    private static ContactAttempt Attempt(Mail mail, DateTimeOffset now, AttemptOutcome outcome, int? smtpCode = null) =>
        new(mail.Candidate.Ref, mail.Step, ContactMode.Email, now, outcome, smtpCode);

    /// <returns>Slots reserved for this many mails or fewer, after waiting for them if needed; null when the run must stop.</returns>
    private async Task<ThrottleGrant?> ReserveSlotsAsync(int wanted, Stopwatch clock, CancellationToken cancellationToken)
    {
        while (true)
        {
            var grant = await throttle.TryReserveAsync(wanted, cancellationToken);
            if (grant.Slots > 0) return grant;
            var wait = grant.Wait ?? TimeSpan.Zero;
            if (wait > settings.MaxThrottleWait || clock.Elapsed + wait > settings.RunTimeLimit) return null;
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    /// <summary>
    /// Records the batch's attempts together and starts writing what they do to the services, which
    /// <see cref="SettleUpdatesAsync"/> waits for (before the next claims, and at the end of the run). The attempts are
    /// written first and alone: whenever the run dies, no service has its update (claim cleared, step done) without its
    /// attempt; a service whose attempt was written but not its update keeps its claim, and the next run records it
    /// "unknown", never mails it again. The updates may then go out while the next slice reserves its throttle slots:
    /// that reservation claims nothing, so the claims held at any moment are still one batch's. Writing the attempts and
    /// the updates at the same time would not do: a crash could leave a service updated with its attempt never written.
    /// When a write fails, the batch is recorded one by one as a single mail is, so a failing write costs only its own
    /// client (every write is idempotent, so what the batch wrote is written again unchanged).
    /// </summary>
    private async Task RecordBatchAsync(List<Attempted> attempted, Run run, CancellationToken cancellationToken)
    {
        if (attempted.Count == 0) return;
        await SettleUpdatesAsync(run);
        var records = attempted.Select(a => Final(a.Attempt, a.Candidate)).ToList();
        try
        {
            await store.RecordAttemptsAsync(records, cancellationToken);
        }
        catch (Exception e) when (!IsCancellation(e, cancellationToken))
        {
            run.Errors++;
            await RecordOneByOneAsync(attempted, run, cancellationToken);
            return;
        }
        // Not cancelled with the run: these attempts are written, and a stopping run should still clear their claims
        // rather than leave them to be recorded "unknown" (as a batch recorded in one go was, before the run went on).
        run.Updating = new PendingUpdates(ApplyUpdatesAsync(records), attempted, records);
    }

    /// <summary>A task that fails rather than throws, also for a store that throws before its first await.</summary>
    private async Task ApplyUpdatesAsync(List<(ContactAttempt Attempt, ContactUpdate Update)> records) =>
        await store.ApplyUpdatesAsync(records, CancellationToken.None);

    /// <summary>
    /// Waits for the service updates <see cref="RecordBatchAsync"/> started and counts the batch; when they failed, records
    /// the batch one by one. On the run's own flow, so the counters are only ever touched by one thread.
    /// </summary>
    private async Task SettleUpdatesAsync(Run run)
    {
        if (run.Updating is not { } updating) return;
        run.Updating = null;
        try
        {
            await updating.Writing;
            foreach (var (attempt, _) in updating.Records) run.Count(attempt.Outcome);
            return;
        }
        catch (Exception)
        {
            run.Errors++;
        }
        await RecordOneByOneAsync(updating.Attempted, run, CancellationToken.None);
    }

    private async Task RecordOneByOneAsync(List<Attempted> attempted, Run run, CancellationToken cancellationToken)
    {
        foreach (var item in attempted)
        {
            try
            {
                await RecordAsync(item.Attempt, item.Candidate, run, cancellationToken);
            }
            catch (Exception e) when (!IsCancellation(e, cancellationToken))
            {
                run.Errors++;
                if (item.Attempt.Outcome == AttemptOutcome.Unknown) continue; // the claim stays and expires again
                // The server took the mail but recording it failed: try once more. If that fails too, the claim stays
                // and the next run records the step as unknown; never a deferral, which would send it a second time.
                var again = item.Accepted ? item.Attempt : item.Attempt with { Outcome = AttemptOutcome.Deferred, SmtpCode = null, Error = e.GetType().Name };
                await TryRecordAsync(again, item.Candidate, run, cancellationToken);
            }
        }
    }

    /// <summary>The attempt as recorded and what it does to the service.</summary>
    private (ContactAttempt Attempt, ContactUpdate Update) Final(ContactAttempt attempt, FieldworkCandidate candidate)
    {
        var deferralsBefore = candidate.State.Deferrals;
        // A client who keeps failing is not retried forever: past the cap the step is given up for e-mail, and the
        // client moves to the offline list (a letter or a call) like a bounce.
        if (attempt.Outcome == AttemptOutcome.Deferred && deferralsBefore + 1 >= settings.MaxDeferrals)
            attempt = attempt with { Outcome = AttemptOutcome.Failed };
        return (attempt, ContactUpdate.For(attempt, settings.RetryAfter, deferralsBefore));
    }

    private async Task RecordAsync(ContactAttempt attempt, FieldworkCandidate candidate, Run run, CancellationToken cancellationToken)
    {
        var (final, update) = Final(attempt, candidate);
        await store.RecordAsync(final, update, cancellationToken);
        run.Count(final.Outcome);
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
        /// <summary>The last batch's service updates while they are written (see <c>RecordBatchAsync</c>).</summary>
        public PendingUpdates? Updating;

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

    /// <summary>A batch's service updates being written, with what to record one by one should that fail.</summary>
    private sealed record PendingUpdates(Task Writing, List<Attempted> Attempted, List<(ContactAttempt Attempt, ContactUpdate Update)> Records);

    /// <summary>A service attempted (or given up before sending), whether the server took its mail.</summary>
    private sealed record Attempted(FieldworkCandidate Candidate, ContactAttempt Attempt, bool Accepted);

    /// <summary>A claimed service ready to be mailed, with its survey and opt-out tokens.</summary>
    private sealed record Mail(FieldworkCandidate Candidate, ContactStep Step, ContactDetails Contact,
        (string Token, string Hash) Survey, (string Token, string Hash) OptOut)
    {
        public IEnumerable<(string TokenHash, ServiceRef Service, TokenPurpose Purpose)> Tokens => Rows(Candidate.Ref, Survey, OptOut);

        /// <summary>What the token store keeps of a mail's two tokens.</summary>
        public static IEnumerable<(string TokenHash, ServiceRef Service, TokenPurpose Purpose)> Rows(ServiceRef service,
            (string Token, string Hash) survey, (string Token, string Hash) optOut) =>
            [(survey.Hash, service, TokenPurpose.Survey), (optOut.Hash, service, TokenPurpose.OptOut)];
    }

    /// <summary>The stop reason of a run that has not stopped yet (in progress reports).</summary>
    public const string Running = "running";
}
