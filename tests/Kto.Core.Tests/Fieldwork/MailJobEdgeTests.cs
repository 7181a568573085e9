using Kto.Core.Companies;
using Kto.Core.Fieldwork;
using Kto.Core.Settings;
using Kto.Core.Survey;
using Kto.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Kto.Core.Tests.Fieldwork;

/// <summary>
/// The mail job's rules at their edges, on a store that fails where a test says: one connection per run, claims whose
/// write is unknown, a timeout inside one client's handling, the run's time limit against a throttle wait, a claim that
/// runs out right now, and what is recorded (or released) when storage fails after the server took a mail.
/// </summary>
public sealed class MailJobEdgeTests
{
    // Monday 2 March 2026, 10:00 in Amsterdam: no quiet time, only 2026 in fieldwork.
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(Now);
    private readonly InMemoryCompanyStore companies = new();
    private readonly ScriptedFieldworkStore store = new();
    private readonly Sender sender = new();
    private readonly Composer composer = new();
    private readonly CountingMailThrottle throttle = new(100);
    private readonly MailSettings settings = new();

    public MailJobEdgeTests() => companies.TryAddAsync(new Company("acme", "Acme", Now), "hash", default).Wait();

    private Task<MailJobResult> RunAsync(CancellationToken cancellationToken = default) =>
        new MailJobService(companies, store, new CountingTokenStore(), sender, composer, throttle, new ContactPolicy(new FieldworkSettings()),
            settings, new Links(), time).RunAsync(MailJob.SendInvitations, Now, cancellationToken);

    private ServiceRef Add(string id, int? claimedStep = null, DateTimeOffset? claimedUntil = null) =>
        store.Add(id, new ContactDetails("K-" + id, "Sam", null, null, "Jansen", $"{id}@example.nl", null, null, null, null), hasEmail: true,
            claimedStep: claimedStep, claimedUntil: claimedUntil);

    [Fact]
    public async Task A_run_opens_one_connection_to_the_mail_server_for_all_its_batches()
    {
        settings.BatchSize = 1;
        Add("s1"); Add("s2"); Add("s3");

        var result = await RunAsync();

        Assert.Equal(3, result.Sent);
        Assert.Equal(1, sender.Opened);
    }

    [Fact]
    public async Task A_claim_whose_write_failed_is_not_mailed_and_counts_as_an_error()
    {
        // Whether the claim was written is unknown and another run may hold it now: leave the client alone.
        var lost = Add("s1");
        var fine = Add("s2");
        store.FailingClaims.Add(lost);

        var result = await RunAsync();

        Assert.Equal((1, 1, 0), (result.Sent, result.Errors, result.SkippedBusy));
        Assert.Equal(["s2@example.nl"], sender.Sent);
        Assert.Equal([fine], store.Attempts.Select(a => a.Service));
    }

    [Fact]
    public async Task A_claim_another_run_holds_is_skipped_as_busy_not_as_an_error()
    {
        var busy = Add("s1");
        Add("s2");
        store.BusyClaims.Add(busy);

        var result = await RunAsync();

        Assert.Equal((1, 0, 1), (result.Sent, result.Errors, result.SkippedBusy));
    }

    [Fact]
    public async Task A_timeout_inside_one_clients_mail_is_that_clients_failure_and_the_run_goes_on()
    {
        // An OperationCanceledException the run's own token did not cause (a library's timeout) is not a stop.
        var slow = Add("s1");
        var next = Add("s2");
        composer.FailFor = "s1@example.nl";

        var result = await RunAsync();

        Assert.Equal((MailJobResult.StopReasons.Done, 1, 1, 1), (result.Stopped, result.Sent, result.Deferred, result.Errors));
        var deferred = store.Attempts.Single(a => a.Service == slow);
        Assert.Equal((AttemptOutcome.Deferred, nameof(OperationCanceledException)), (deferred.Outcome, deferred.Error));
        Assert.Equal(AttemptOutcome.Sent, store.Attempts.Single(a => a.Service == next).Outcome);
    }

    [Fact]
    public async Task A_throttle_wait_the_run_may_wait_but_that_would_outlast_its_time_limit_stops_it_before_anything_is_claimed()
    {
        settings.RunTimeLimit = TimeSpan.FromSeconds(30);
        Add("s1");
        throttle.Free = 0;
        throttle.WaitWhenFull = TimeSpan.FromSeconds(40); // within MaxThrottleWait (65 s), beyond the run's 30 s

        var result = await RunAsync();

        Assert.Equal((MailJobResult.StopReasons.Throttled, 0), (result.Stopped, result.Sent));
        Assert.Empty(store.Claims);
        Assert.Equal(0, sender.Opened);
    }

    [Fact]
    public async Task A_claim_that_runs_out_right_now_no_longer_holds_and_its_step_is_recorded_unknown()
    {
        // The crashed run's claim held until this moment: from now on it is a crash, never sent again.
        var crashed = Add("s1", claimedStep: 0, claimedUntil: Now);
        Add("s2", claimedStep: 0, claimedUntil: Now.AddTicks(1)); // still held: skipped as busy

        var result = await RunAsync();

        Assert.Equal((0, 1, 1), (result.Sent, result.Unknown, result.SkippedBusy));
        Assert.Equal([(crashed, AttemptOutcome.Unknown)], store.Attempts.Select(a => (a.Service, a.Outcome)));
        Assert.Empty(sender.Sent);
    }

    [Fact]
    public async Task A_crashed_claim_whose_unknown_cannot_be_recorded_is_left_to_expire_again_not_retried()
    {
        Add("s1", claimedStep: 0, claimedUntil: Now.AddMinutes(-1));
        store.FailRecords = 2; // the batch write and the single write both fail

        var result = await RunAsync();

        Assert.Empty(store.Attempts);
        Assert.Equal((0, 2), (result.Unknown, result.Errors));
        Assert.Equal(0, store.FailRecords);
    }

    [Fact]
    public async Task A_mail_the_server_took_is_recorded_sent_when_the_batch_and_the_single_write_failed()
    {
        // Never a deferral: that would send the client a second mail.
        var client = Add("s1");
        store.FailRecords = 2;

        var result = await RunAsync();

        Assert.Equal((1, 0, 2), (result.Sent, result.Deferred, result.Errors));
        var attempt = Assert.Single(store.Attempts);
        Assert.Equal((client, AttemptOutcome.Sent, (string?)null), (attempt.Service, attempt.Outcome, attempt.Error));
    }

    [Fact]
    public async Task A_refused_mail_whose_bounce_cannot_be_recorded_is_deferred_with_the_error_so_it_is_tried_again()
    {
        var client = Add("s1");
        sender.Answer = _ => new MailSendResult(MailOutcome.Permanent, 550);
        store.FailRecords = 2;

        var result = await RunAsync();

        var attempt = Assert.Single(store.Attempts);
        Assert.Equal((client, AttemptOutcome.Deferred, (int?)null, nameof(IOException)), (attempt.Service, attempt.Outcome, attempt.SmtpCode, attempt.Error));
        Assert.Equal((0, 1, 0, 2), (result.Bounced, result.Deferred, result.Sent, result.Errors));
    }

    [Fact]
    public async Task When_the_last_write_fails_too_the_claim_stays_and_the_run_goes_on()
    {
        Add("s1");
        var next = Add("s2");
        settings.BatchSize = 1;
        store.FailRecords = 3; // the batch write, the single write and the second try of s1

        var result = await RunAsync();

        Assert.Equal(MailJobResult.StopReasons.Done, result.Stopped);
        Assert.Equal([next], store.Attempts.Select(a => a.Service));
        // s1 went out but nothing recorded it, so it is not counted; its claim expires and is recorded unknown later.
        Assert.Equal((1, 3), (result.Sent, result.Errors));
    }

    [Fact]
    public async Task A_batch_that_ran_to_its_end_releases_nothing()
    {
        Add("s1"); Add("s2");

        await RunAsync();

        Assert.Empty(store.Releases);
    }

    [Fact]
    public async Task A_mail_server_gone_mid_batch_releases_the_untried_claims_and_a_failing_release_is_counted()
    {
        var all = Enumerable.Range(1, 5).Select(i => Add($"s{i}")).ToList();
        sender.Answer = _ => new MailSendResult(MailOutcome.Transient); // no answer at all, three times in a row

        var result = await RunAsync();

        Assert.Equal(MailJobResult.StopReasons.MailServerUnavailable, result.Stopped);
        Assert.Equal(all.Skip(3), Assert.Single(store.Releases));

        store.FailRelease = true;
        var failed = await RunAsync();
        Assert.Equal((MailJobResult.StopReasons.MailServerUnavailable, 1), (failed.Stopped, failed.Errors));
    }

    [Fact]
    public async Task A_cancelled_run_still_records_the_mail_that_went_out_and_releases_the_untried()
    {
        var all = Enumerable.Range(1, 4).Select(i => Add($"s{i}")).ToList();
        using var cancel = new CancellationTokenSource();
        sender.OnSend = count => { if (count == 2) { cancel.Cancel(); cancel.Token.ThrowIfCancellationRequested(); } };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RunAsync(cancel.Token));

        // Recorded and released with a token that is not the cancelled one; the mail in flight keeps its claim.
        Assert.Equal([all[0]], store.Attempts.Select(a => a.Service));
        Assert.Equal(all.Skip(2), Assert.Single(store.Releases));
    }

    private sealed class Links : ISurveyLinks
    {
        public string Questionnaire(string surveyToken) => $"https://kto.example/s?t={surveyToken}";
        public string OptOut(string optOutToken) => $"https://kto.example/o?t={optOutToken}";
        public string ShortCodePage() => "https://kto.example/k";
    }

    private sealed class Composer : IMailComposer
    {
        public string? FailFor { get; set; }

        public OutgoingMail Compose(MailContent content) => content.Email == FailFor
            ? throw new OperationCanceledException("template engine timed out")
            : new(content.Email, content.Step.Name, content.SurveyUrl, content.SurveyUrl, content.OptOutUrl);
    }

    private sealed class Sender : IMailSender, IMailSession
    {
        private int count;
        public int Opened { get; private set; }
        public List<string> Sent { get; } = [];
        public Func<OutgoingMail, MailSendResult> Answer { get; set; } = _ => MailSendResult.Accepted;
        public Action<int>? OnSend { get; set; }

        public Task<IMailSession> OpenAsync(CancellationToken cancellationToken)
        {
            Opened++;
            return Task.FromResult<IMailSession>(this);
        }

        public Task<MailSendResult> SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
        {
            OnSend?.Invoke(++count);
            var result = Answer(mail);
            if (result.Outcome == MailOutcome.Accepted) Sent.Add(mail.To);
            return Task.FromResult(result);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
