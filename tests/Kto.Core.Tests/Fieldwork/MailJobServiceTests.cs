using System.Runtime.CompilerServices;
using Kto.Core.Companies;
using Kto.Core.Fieldwork;
using Kto.Core.Settings;
using Kto.Core.Survey;
using Kto.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Kto.Core.Tests.Fieldwork;

/// <summary>
/// The mail job on fakes: which step it sends, quiet hours, the throttle, a mail server that is down, claims left by
/// a crashed run, the deferral cap, and one client's failure never stopping the run. (The same rules run against
/// Azurite and a real SMTP server in Kto.Functions.Tests/Fieldwork.)
/// </summary>
public sealed class MailJobServiceTests
{
    // Monday 2 March 2026, 10:00 in Amsterdam: no quiet time, only 2026 in fieldwork.
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(1));
    private readonly FakeTimeProvider time = new(Now);
    private readonly InMemoryCompanyStore companies = new();
    private readonly Services store = new();
    private readonly Tokens tokens = new();
    private readonly Sender sender = new();
    private readonly Composer composer = new();
    private readonly Throttle throttle = new();
    private readonly MailSettings settings = new();

    public MailJobServiceTests()
    {
        companies.TryAddAsync(new Company("acme", "Acme Re-integratie", Now), "hash", default).Wait();
    }

    private MailJobService Service() => new(companies, store, tokens, sender, composer, throttle,
        new ContactPolicy(new FieldworkSettings()), settings, new Links(), time);

    private Task<MailJobResult> RunAsync(MailJob job = MailJob.SendInvitations, DateTimeOffset? at = null) =>
        Service().RunAsync(job, at ?? Now, default);

    [Fact]
    public async Task An_invitation_goes_to_each_open_client_with_usable_email_and_nobody_else()
    {
        var due = store.Add("s1");
        store.Add("responded", status: ServiceStatus.Responded);
        store.Add("no-email", hasEmail: false);
        store.Add("bounced", bounced: true);

        var result = await RunAsync();

        Assert.Equal((1, MailJobResult.StopReasons.Done), (result.Sent, result.Stopped));
        Assert.Equal(["s1@example.nl"], sender.Sent.Select(m => m.To));
        var attempt = Assert.Single(store.Recorded).Attempt;
        Assert.Equal((due, ContactStep.Invitation, ContactMode.Email, AttemptOutcome.Sent, Now),
            (attempt.Service, attempt.Step, attempt.Mode, attempt.Outcome, attempt.At));
    }

    [Fact]
    public async Task The_invitation_job_sends_no_reminders_and_the_reminder_job_no_invitations()
    {
        store.Add("new");
        store.Add("invited", steps: 1, invitedAt: Now.AddDays(-8));

        var invitations = await RunAsync(MailJob.SendInvitations);
        var reminders = await RunAsync(MailJob.SendReminders);

        Assert.Equal(("send-invitations", 1), (invitations.Job, invitations.Sent));
        Assert.Equal(("send-reminders", 1), (reminders.Job, reminders.Sent));
        Assert.Equal([("new", "invitation"), ("invited", "reminder-1")],
            store.Recorded.Select(r => (r.Attempt.Service.ServiceId, r.Attempt.Step.Name)));
    }

    [Fact]
    public async Task Each_mail_carries_a_fresh_survey_link_and_an_opt_out_link_of_its_own_stored_only_by_hash()
    {
        store.Add("s1", salutation: ("Sam", "Jansen"));

        await RunAsync();

        var content = Assert.Single(composer.Composed);
        Assert.Equal(2, tokens.Saved.Count);
        var surveyToken = content.SurveyUrl["https://kto.example/s?t=".Length..];
        var optOutToken = content.OptOutUrl["https://kto.example/o?t=".Length..];
        Assert.True(SurveyToken.LooksValid(surveyToken));
        Assert.True(SurveyToken.LooksValid(optOutToken));
        Assert.NotEqual(surveyToken, optOutToken);
        Assert.Contains((Kto.Core.Access.SecretKeys.Hash(surveyToken), TokenPurpose.Survey), tokens.Saved);
        Assert.Contains((Kto.Core.Access.SecretKeys.Hash(optOutToken), TokenPurpose.OptOut), tokens.Saved);
        Assert.Equal(("Beste Sam Jansen", "Acme Re-integratie", new DateOnly(2027, 1, 31), "s1@example.nl"),
            (content.Salutation, content.CompanyName, content.FieldworkCloses, content.Email));
    }

    [Fact]
    public async Task Nothing_is_sent_in_quiet_hours_and_the_mail_server_is_not_even_contacted()
    {
        store.Add("s1");

        var result = await RunAsync(at: new DateTimeOffset(2026, 3, 2, 21, 30, 0, TimeSpan.FromHours(1)));

        Assert.Equal(MailJobResult.StopReasons.QuietTime, result.Stopped);
        Assert.Equal(0, sender.Opened);
        Assert.Empty(store.Recorded);
    }

    [Fact]
    public async Task A_throttle_wait_longer_than_the_run_may_wait_stops_the_run_before_anything_is_claimed()
    {
        store.Add("s1");
        throttle.Waits.Enqueue(settings.MaxThrottleWait + TimeSpan.FromSeconds(1));

        var result = await RunAsync();

        Assert.Equal(MailJobResult.StopReasons.Throttled, result.Stopped);
        Assert.Empty(store.Claims);
        Assert.Empty(sender.Sent);
        Assert.Equal(0, sender.Opened);
    }

    [Fact]
    public async Task A_throttle_wait_within_the_limit_is_waited_out_and_then_the_mail_goes()
    {
        store.Add("s1");
        throttle.Waits.Enqueue(TimeSpan.FromSeconds(5));

        var run = RunAsync();
        while (!run.IsCompleted)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(5);
        }
        var result = await run;

        Assert.Equal((1, MailJobResult.StopReasons.Done), (result.Sent, result.Stopped));
        Assert.True(time.GetUtcNow() - Now >= TimeSpan.FromSeconds(5));
        Assert.Equal(2, throttle.Asked);
    }

    [Fact]
    public async Task A_mail_server_that_cannot_be_reached_stops_the_run_with_nothing_claimed()
    {
        store.Add("s1");
        store.Add("s2");
        sender.Down = true;

        var result = await RunAsync();

        Assert.Equal(MailJobResult.StopReasons.MailServerUnavailable, result.Stopped);
        Assert.Empty(store.Claims);
        Assert.Empty(store.Recorded);
    }

    [Fact]
    public async Task Three_sends_in_a_row_without_any_server_answer_stop_the_run_but_4xx_answers_do_not()
    {
        for (var i = 1; i <= 5; i++) store.Add($"s{i}");
        sender.Answer = _ => new MailSendResult(MailOutcome.Transient);

        var noAnswer = await RunAsync();

        Assert.Equal(MailJobResult.StopReasons.MailServerUnavailable, noAnswer.Stopped);
        Assert.Equal(MailJobService.ConnectionFailuresBeforeStop, noAnswer.Deferred);

        store.Recorded.Clear();
        sender.Answer = _ => new MailSendResult(MailOutcome.Transient, 451);
        var greylisted = await RunAsync();

        Assert.Equal((5, MailJobResult.StopReasons.Done), (greylisted.Deferred, greylisted.Stopped));
        Assert.All(store.Recorded, r => Assert.Equal((AttemptOutcome.Deferred, 451), (r.Attempt.Outcome, r.Attempt.SmtpCode)));
    }

    [Fact]
    public async Task An_answer_between_failures_resets_the_count_of_failures_in_a_row()
    {
        for (var i = 1; i <= 5; i++) store.Add($"s{i}");
        // No answer, no answer, accepted, no answer, no answer: never three in a row.
        var answers = new Queue<MailSendResult>([new(MailOutcome.Transient), new(MailOutcome.Transient), MailSendResult.Accepted,
            new(MailOutcome.Transient), new(MailOutcome.Transient)]);
        sender.Answer = _ => answers.Dequeue();

        var result = await RunAsync();

        Assert.Equal((1, 4, MailJobResult.StopReasons.Done), (result.Sent, result.Deferred, result.Stopped));
    }

    [Fact]
    public async Task A_permanent_refusal_is_a_bounce_recorded_with_its_smtp_code()
    {
        store.Add("s1");
        sender.Answer = _ => new MailSendResult(MailOutcome.Permanent, 550);

        var result = await RunAsync();

        Assert.Equal((0, 1), (result.Sent, result.Bounced));
        var recorded = Assert.Single(store.Recorded);
        Assert.Equal((AttemptOutcome.Failed, 550), (recorded.Attempt.Outcome, recorded.Attempt.SmtpCode));
        Assert.Equal(true, recorded.Update.EmailBounced);
    }

    [Fact]
    public async Task A_client_who_keeps_failing_is_given_up_for_email_at_the_deferral_cap()
    {
        store.Add("under-cap", deferrals: settings.MaxDeferrals - 2);
        store.Add("at-cap", deferrals: settings.MaxDeferrals - 1);
        sender.Answer = _ => new MailSendResult(MailOutcome.Transient, 421);

        var result = await RunAsync();

        Assert.Equal((1, 1), (result.Deferred, result.Bounced));
        Assert.Equal(AttemptOutcome.Deferred, store.Recorded.Single(r => r.Attempt.Service.ServiceId == "under-cap").Attempt.Outcome);
        Assert.Equal(AttemptOutcome.Failed, store.Recorded.Single(r => r.Attempt.Service.ServiceId == "at-cap").Attempt.Outcome);
    }

    [Fact]
    public async Task A_step_claimed_by_a_run_that_crashed_is_recorded_unknown_and_never_sent_again()
    {
        store.Add("crashed", claimedStep: 0, claimedUntil: Now.AddMinutes(-1));
        store.Add("busy", claimedStep: 0, claimedUntil: Now.AddMinutes(10));

        var result = await RunAsync();

        Assert.Empty(sender.Sent);
        Assert.Equal((1, 1), (result.Unknown, result.SkippedBusy));
        var recorded = Assert.Single(store.Recorded);
        Assert.Equal(("crashed", AttemptOutcome.Unknown), (recorded.Attempt.Service.ServiceId, recorded.Attempt.Outcome));
    }

    [Fact]
    public async Task A_claim_for_a_later_step_does_not_hold_back_the_step_due_now()
    {
        store.Add("s1", claimedStep: 1, claimedUntil: Now.AddMinutes(10));

        Assert.Equal(1, (await RunAsync()).Sent);
    }

    [Fact]
    public async Task A_service_another_run_claimed_first_is_skipped_and_not_mailed()
    {
        store.Add("s1");
        store.ClaimSucceeds = false;

        var result = await RunAsync();

        Assert.Equal((0, 1), (result.Sent, result.SkippedBusy));
        Assert.Empty(sender.Sent);
        Assert.Empty(store.Recorded);
    }

    [Fact]
    public async Task The_claim_holds_for_the_claim_duration_from_now()
    {
        store.Add("s1");

        await RunAsync();

        Assert.Equal((ContactStep.Invitation, time.GetUtcNow() + settings.ClaimDuration), Assert.Single(store.Claims));
    }

    [Fact]
    public async Task A_service_whose_address_vanished_is_recorded_failed_without_a_mail()
    {
        store.Add("s1", email: null);

        var result = await RunAsync();

        Assert.Equal(1, result.Bounced);
        Assert.Empty(sender.Sent);
        Assert.Equal(AttemptOutcome.Failed, Assert.Single(store.Recorded).Attempt.Outcome);
    }

    [Fact]
    public async Task One_client_whose_mail_cannot_be_composed_is_deferred_with_the_error_type_and_the_next_is_still_mailed()
    {
        store.Add("s1", email: "kapot@example.nl");
        store.Add("s2");
        composer.FailFor = "kapot@example.nl";

        var result = await RunAsync();

        Assert.Equal((1, 1, 1, MailJobResult.StopReasons.Done), (result.Sent, result.Deferred, result.Errors, result.Stopped));
        var deferred = store.Recorded.Single(r => r.Attempt.Service.ServiceId == "s1").Attempt;
        Assert.Equal((AttemptOutcome.Deferred, nameof(FormatException)), (deferred.Outcome, deferred.Error));
        Assert.Equal(["s2@example.nl"], sender.Sent.Select(m => m.To));
    }

    [Fact]
    public async Task A_mail_the_server_took_is_recorded_sent_again_when_recording_failed_never_deferred()
    {
        store.Add("s1");
        store.FailRecords = 1;

        var result = await RunAsync();

        Assert.Single(sender.Sent);
        Assert.Equal((1, 0, 1), (result.Sent, result.Deferred, result.Errors));
        Assert.Equal(AttemptOutcome.Sent, Assert.Single(store.Recorded).Attempt.Outcome);
    }

    [Fact]
    public async Task A_company_whose_services_cannot_be_read_does_not_keep_mail_from_the_others()
    {
        await companies.TryAddAsync(new Company("broken", "Broken BV", Now), "hash", default);
        store.BrokenCompany = "broken";
        store.Add("s1");

        var result = await RunAsync();

        Assert.Equal((1, 1, MailJobResult.StopReasons.Done), (result.Sent, result.Errors, result.Stopped));
    }

    [Fact]
    public async Task The_run_reports_its_counts_after_every_client_it_acted_on()
    {
        store.Add("s1");
        store.Add("s2");
        var reports = new List<MailJobResult>();

        await Service().RunAsync(MailJob.SendInvitations, Now, default, new SyncProgress(reports.Add));

        Assert.Equal([1, 2], reports.Select(r => r.Sent));
        Assert.All(reports, r => Assert.Equal(MailJobService.Running, r.Stopped));
    }

    private sealed class SyncProgress(Action<MailJobResult> report) : IProgress<MailJobResult>
    {
        public void Report(MailJobResult value) => report(value);
    }

    private sealed class Services : IFieldworkStore
    {
        private readonly List<(FieldworkCandidate Candidate, ContactDetails Contact)> services = [];
        public List<(ContactAttempt Attempt, ContactUpdate Update)> Recorded { get; } = [];
        public List<(ContactStep Step, DateTimeOffset Until)> Claims { get; } = [];
        public bool ClaimSucceeds { get; set; } = true;
        public int FailRecords { get; set; }
        public string? BrokenCompany { get; set; }

        public ServiceRef Add(string id, ServiceStatus status = ServiceStatus.Open, bool hasEmail = true, bool bounced = false,
            int steps = 0, DateTimeOffset? invitedAt = null, int deferrals = 0, int? claimedStep = null, DateTimeOffset? claimedUntil = null,
            string? email = "", (string First, string Last)? salutation = null)
        {
            var service = new ServiceRef("acme", 2026, id);
            var state = new ContactState(status, hasEmail, bounced, steps, invitedAt, null, deferrals);
            var address = email == "" ? $"{id}@example.nl" : email;
            services.Add((new FieldworkCandidate(service, Perceel.NaarWerk, state, "v1", claimedStep, claimedUntil),
                new ContactDetails("K-" + id, salutation?.First, null, null, salutation?.Last, address, null, null, null, null)));
            return service;
        }

        public async IAsyncEnumerable<FieldworkCandidate> CandidatesAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            if (company == BrokenCompany) throw new InvalidOperationException("storage unavailable");
            foreach (var (candidate, _) in services.Where(s => s.Candidate.Ref.Company == company && s.Candidate.Ref.Year == year).ToList())
                yield return candidate;
        }

        public Task<FieldworkCandidate?> GetAsync(ServiceRef service, CancellationToken cancellationToken) =>
            Task.FromResult<FieldworkCandidate?>(services.Single(s => s.Candidate.Ref == service).Candidate);

        public Task<bool> TryClaimAsync(FieldworkCandidate candidate, ContactStep step, DateTimeOffset until, CancellationToken cancellationToken)
        {
            if (ClaimSucceeds) Claims.Add((step, until));
            return Task.FromResult(ClaimSucceeds);
        }

        public Task<ContactDetails?> GetContactAsync(ServiceRef service, CancellationToken cancellationToken) =>
            Task.FromResult<ContactDetails?>(services.Single(s => s.Candidate.Ref == service).Contact);

        public Task RecordAsync(ContactAttempt attempt, ContactUpdate update, CancellationToken cancellationToken)
        {
            if (FailRecords > 0) { FailRecords--; throw new IOException("table unavailable"); }
            Recorded.Add((attempt, update));
            return Task.CompletedTask;
        }

        public async IAsyncEnumerable<ContactAttempt> AttemptsAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            foreach (var (attempt, _) in Recorded.ToList()) yield return attempt;
        }
    }

    private sealed class Tokens : ISurveyTokenStore
    {
        public List<(string Hash, TokenPurpose Purpose)> Saved { get; } = [];

        public Task SaveAsync(string tokenHash, ServiceRef service, TokenPurpose purpose, CancellationToken cancellationToken)
        {
            Saved.Add((tokenHash, purpose));
            return Task.CompletedTask;
        }

        public Task<ServiceRef?> FindAsync(string tokenHash, TokenPurpose purpose, CancellationToken cancellationToken) =>
            Task.FromResult<ServiceRef?>(null);
    }

    private sealed class Links : ISurveyLinks
    {
        public string Questionnaire(string surveyToken) => $"https://kto.example/s?t={surveyToken}";
        public string OptOut(string optOutToken) => $"https://kto.example/o?t={optOutToken}";
        public string ShortCodePage() => "https://kto.example/k";
    }

    private sealed class Composer : IMailComposer
    {
        public List<MailContent> Composed { get; } = [];
        public string? FailFor { get; set; }

        public OutgoingMail Compose(MailContent content)
        {
            if (content.Email == FailFor) throw new FormatException("template error");
            Composed.Add(content);
            return new OutgoingMail(content.Email, content.Step.Name, content.SurveyUrl, content.SurveyUrl, content.OptOutUrl);
        }
    }

    private sealed class Throttle : IMailThrottle
    {
        public Queue<TimeSpan> Waits { get; } = new();
        public int Asked { get; private set; }

        public Task<TimeSpan?> TryReserveAsync(CancellationToken cancellationToken)
        {
            Asked++;
            return Task.FromResult<TimeSpan?>(Waits.TryDequeue(out var wait) ? wait : null);
        }

        public Task<ThrottleUse> CurrentUseAsync(CancellationToken cancellationToken) => Task.FromResult(new ThrottleUse(0, 30, 0, 100));
    }

    private sealed class Sender : IMailSender, IMailSession
    {
        public bool Down { get; set; }
        public int Opened { get; private set; }
        public List<OutgoingMail> Sent { get; } = [];
        public Func<OutgoingMail, MailSendResult> Answer { get; set; } = _ => MailSendResult.Accepted;

        public Task<IMailSession> OpenAsync(CancellationToken cancellationToken)
        {
            if (Down) throw new IOException("connection refused");
            Opened++;
            return Task.FromResult<IMailSession>(this);
        }

        public Task<MailSendResult> SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
        {
            var result = Answer(mail);
            if (result.Outcome == MailOutcome.Accepted) Sent.Add(mail);
            return Task.FromResult(result);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
