using Kto.Core.Accounts;
using Kto.Core.Companies;
using Kto.Core.Fieldwork;
using Kto.Core.Settings;
using Kto.Core.Survey;
using Kto.Core.Tests.Accounts;
using Kto.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Kto.Core.Tests.Fieldwork;

/// <summary>
/// A mail job as a recorded run the bureau follows: queued (audited when the bureau starts it), running, and at the
/// end its counts, why it stopped and when the schedule continues; a run that fails keeps its counts and the kind
/// of error. Only run ids are looked up.
/// </summary>
public sealed class MailRunServiceTests
{
    // Monday 30 November 2026, 11:00 in Amsterdam: mail may go.
    private static readonly DateTimeOffset Monday11 = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
    // Monday 30 November 2026, 22:30 in Amsterdam: quiet hours until 8:00.
    private static readonly DateTimeOffset Monday2230 = new(2026, 11, 30, 21, 30, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(Monday11);
    private readonly InMemoryCompanyStore companies = new();
    private readonly ScriptedFieldworkStore store = new();
    private readonly Sender sender = new();
    private readonly RunLog log = new();
    private readonly InMemoryAccounts audit = new();
    private readonly ContactPolicy policy = new(new FieldworkSettings());
    private readonly MailSettings mailSettings = new();

    private MailRunService Service(ICompanyStore? companyStore = null)
    {
        var jobs = new MailJobService(companyStore ?? companies, store, new CountingTokenStore(), sender, new Composer(), new CountingMailThrottle(100),
            policy, mailSettings, new Links(), time);
        return new MailRunService(jobs, log, new HourlySchedule(), policy, time, audit);
    }

    private async Task<ServiceRef> AddClientAsync(string id)
    {
        await companies.TryAddAsync(new Company("acme", "Acme", Monday11), "hash", default);
        return store.Add(id, new ContactDetails("K-" + id, "Sam", null, null, "Jansen", $"{id}@example.nl", null, null, null, null), hasEmail: true);
    }

    [Fact]
    public async Task A_run_the_bureau_starts_is_saved_as_queued_and_audited_once_but_a_timer_run_is_not_audited()
    {
        time.Advance(TimeSpan.FromMinutes(1));
        var queued = await Service().QueueAsync(MailJob.SendReminders, Monday11, MailRunTriggers.Http, default);

        Assert.Equal((MailJobNames.SendReminders, Monday11, MailRunTriggers.Http, MailRunStatus.Queued, time.GetUtcNow(), time.GetUtcNow()),
            (queued.Job, queued.At, queued.Trigger, queued.Status, queued.StartedAt, queued.UpdatedAt));
        // The id carries the moment the run was queued (not the moment it acts as), so the newest lists first.
        Assert.True(MailRunIds.TryReadStart(queued.Id, out var started));
        Assert.Equal(time.GetUtcNow(), started);
        Assert.Equal([queued], log.Saved);
        var line = Assert.Single(audit.Audit);
        Assert.Equal((time.GetUtcNow(), AuditActions.BureauKey, AuditActions.JobStarted, (string?)null,
                $"send-reminders gestart (run {queued.Id}, als 2026-11-30 10:00 UTC)"),
            (line.At, line.Actor, line.Action, line.Company, line.Detail));

        await Service().QueueAsync(MailJob.SendInvitations, Monday11, MailRunTriggers.Timer, default);
        Assert.Equal(2, log.Saved.Count);
        Assert.Single(audit.Audit);
    }

    [Fact]
    public async Task The_audit_line_gives_the_moment_a_run_acts_as_in_UTC_whatever_offset_it_was_given()
    {
        // ./kto job send-invitations --at 2026-12-08T10:00:00+01:00: ten o'clock Dutch time is nine UTC.
        await Service().QueueAsync(MailJob.SendInvitations, new DateTimeOffset(2026, 12, 8, 10, 0, 0, TimeSpan.FromHours(1)), MailRunTriggers.Http, default);

        Assert.EndsWith(", als 2026-12-08 09:00 UTC)", Assert.Single(audit.Audit).Detail);
    }

    [Fact]
    public async Task A_run_that_did_all_it_could_is_completed_with_its_counts_and_no_next_run()
    {
        var client = await AddClientAsync("s1");
        var service = Service();
        var queued = await service.QueueAsync(MailJob.SendInvitations, Monday11, MailRunTriggers.Timer, default);
        time.Advance(TimeSpan.FromSeconds(1));

        var done = await service.RunAsync(queued, default);

        Assert.Equal([MailRunStatus.Queued, MailRunStatus.Running, MailRunStatus.Completed], log.Saved.Select(r => r.Status));
        Assert.Equal((MailRunStatus.Completed, 1, MailJobResult.StopReasons.Done, (DateTimeOffset?)null, (DateTimeOffset?)time.GetUtcNow()),
            (done.Status, done.Sent, done.Stopped, done.NextRunAt, done.FinishedAt));
        Assert.Equal((queued.Id, queued.StartedAt, time.GetUtcNow()), (done.Id, done.StartedAt, done.UpdatedAt));
        Assert.True(done.HasFinished());
        Assert.Equal(client, Assert.Single(store.Attempts).Service);
    }

    [Fact]
    public async Task A_run_that_stopped_early_says_when_the_first_scheduled_run_outside_quiet_hours_continues()
    {
        await AddClientAsync("s1");
        var service = Service();

        var stopped = await service.RunNowAsync(MailJob.SendInvitations, Monday2230, MailRunTriggers.Timer, default);

        Assert.Equal((MailRunStatus.Completed, MailJobResult.StopReasons.QuietTime, 0), (stopped.Status, stopped.Stopped, stopped.Sent));
        // The hourly schedule fires at 23:00, 0:00 … 7:00 in quiet hours; 8:00 Amsterdam time is the first that mails.
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 7, 0, 0, TimeSpan.Zero), stopped.NextRunAt);
        Assert.Empty(store.Attempts);
    }

    [Fact]
    public async Task A_run_that_fails_is_saved_failed_with_the_kind_of_error_and_the_counts_it_reached_and_the_error_goes_on()
    {
        var clients = new[] { await AddClientAsync("s1"), await AddClientAsync("s2"), await AddClientAsync("s3") };
        using var cancel = new CancellationTokenSource();
        // The host stops the run while the second mail is being sent.
        sender.OnSend = count => { if (count == 2) { cancel.Cancel(); cancel.Token.ThrowIfCancellationRequested(); } };
        var service = Service();
        var queued = await service.QueueAsync(MailJob.SendInvitations, Monday11, MailRunTriggers.Timer, default);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => service.RunAsync(queued, cancel.Token));

        var failed = log.Saved[^1];
        Assert.Equal((MailRunStatus.Failed, nameof(OperationCanceledException), 1, (DateTimeOffset?)time.GetUtcNow()),
            (failed.Status, failed.Error, failed.Sent, failed.FinishedAt));
        Assert.True(failed.HasFinished());
        Assert.Equal([clients[0]], store.Attempts.Select(a => a.Service));
    }

    [Fact]
    public async Task A_running_run_saves_its_counts_so_far_every_couple_of_seconds_for_people_watching()
    {
        mailSettings.BatchSize = 1;
        for (var i = 1; i <= 3; i++) await AddClientAsync($"s{i}");
        // Each mail takes the progress interval: the run's saver wakes up between mails.
        sender.OnSend = _ => time.Advance(MailRunService.ProgressInterval);
        var service = Service();
        var queued = await service.QueueAsync(MailJob.SendInvitations, Monday11, MailRunTriggers.Timer, default);

        var done = await service.RunAsync(queued, default);

        var progress = log.Saved.Where(r => r.Status == MailRunStatus.Running && r.Sent > 0).ToList();
        Assert.NotEmpty(progress);
        Assert.All(progress, r => Assert.InRange(r.Sent, 1, 3));
        Assert.All(progress, r => Assert.Null(r.FinishedAt));
        Assert.Equal((MailRunStatus.Completed, 3), (log.Saved[^1].Status, log.Saved[^1].Sent));
        Assert.Equal(done, log.Saved[^1]);
    }

    [Fact]
    public async Task No_late_progress_save_overwrites_a_finished_run()
    {
        // The saver stops before the end is saved, for a completed and for a failed run alike.
        mailSettings.BatchSize = 1;
        await AddClientAsync("s1");
        sender.OnSend = _ => time.Advance(MailRunService.ProgressInterval);
        var service = Service();
        var done = await service.RunAsync(await service.QueueAsync(MailJob.SendInvitations, Monday11, MailRunTriggers.Timer, default), default);
        time.Advance(MailRunService.ProgressInterval * 3);
        await Task.Delay(50);
        Assert.Equal(done, log.Saved[^1]);

        var broken = Service(new BrokenCompanyStore());
        await Assert.ThrowsAsync<IOException>(async () =>
            await broken.RunAsync(await broken.QueueAsync(MailJob.SendInvitations, Monday11, MailRunTriggers.Timer, default), default));
        var failed = log.Saved[^1];
        time.Advance(MailRunService.ProgressInterval * 3);
        await Task.Delay(50);
        Assert.Equal((failed, MailRunStatus.Failed), (log.Saved[^1], log.Saved[^1].Status));
    }

    [Fact]
    public async Task A_progress_save_that_fails_does_not_stop_the_run()
    {
        mailSettings.BatchSize = 1;
        for (var i = 1; i <= 3; i++) await AddClientAsync($"s{i}");
        sender.OnSend = _ => time.Advance(MailRunService.ProgressInterval);
        var service = Service();
        var queued = await service.QueueAsync(MailJob.SendInvitations, Monday11, MailRunTriggers.Timer, default);
        log.FailRunningSaves = true;

        var done = await service.RunAsync(queued, default);

        Assert.Equal((MailRunStatus.Completed, 3), (done.Status, done.Sent));
        Assert.Equal(done, log.Saved[^1]);
    }

    [Fact]
    public async Task A_run_that_fails_before_any_client_is_saved_failed_without_counts()
    {
        var service = Service(new BrokenCompanyStore());
        var queued = await service.QueueAsync(MailJob.SendReminders, Monday11, MailRunTriggers.Http, default);

        await Assert.ThrowsAsync<IOException>(() => service.RunAsync(queued, default));

        var failed = log.Saved[^1];
        Assert.Equal((MailRunStatus.Failed, nameof(IOException), 0, queued.Id), (failed.Status, failed.Error, failed.Sent, failed.Id));
        Assert.NotNull(failed.FinishedAt);
    }

    [Fact]
    public async Task A_queued_run_of_an_unknown_job_is_refused_before_anything_is_saved()
    {
        var bogus = new MailRun("x", "send-postcards", Monday11, MailRunTriggers.Http, MailRunStatus.Queued, Monday11, Monday11);

        await Assert.ThrowsAsync<ArgumentException>(() => Service().RunAsync(bogus, default));
        Assert.Empty(log.Saved);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("send-invitations")]
    [InlineData("")]
    public async Task Only_a_run_id_is_looked_up(string id)
    {
        // Anything else is answered "not found" without a storage call.
        Assert.Null(await Service().GetAsync(id, default));
        Assert.Equal(0, log.Gets);
    }

    [Fact]
    public async Task A_run_is_found_by_its_id()
    {
        var queued = await Service().QueueAsync(MailJob.SendInvitations, Monday11, MailRunTriggers.Timer, default);

        Assert.Equal(queued, await Service().GetAsync(queued.Id, default));
        Assert.Equal(1, log.Gets);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-5, 1)]
    [InlineData(1, 1)]
    [InlineData(20, 20)]
    [InlineData(200, 200)]
    [InlineData(5000, 200)]
    public async Task The_list_of_recent_runs_asks_storage_for_one_to_two_hundred(int asked, int read)
    {
        await Service().RecentAsync(asked, default);

        Assert.Equal(read, log.RecentCount);
    }

    [Fact]
    public void A_runs_counts_come_from_the_job_result_and_only_completed_or_failed_runs_have_finished()
    {
        var run = new MailRun("id", MailJobNames.SendInvitations, Monday11, MailRunTriggers.Timer, MailRunStatus.Queued, Monday11, Monday11);
        var result = new MailJobResult(MailJobNames.SendInvitations, Monday11, 1, 2, 3, 4, 5, MailJobService.Running, 6);

        var running = run.With(result, MailRunStatus.Running, Monday11.AddMinutes(1));

        Assert.Equal((MailRunStatus.Running, Monday11.AddMinutes(1), 1, 2, 3, 4, 5, 6),
            (running.Status, running.UpdatedAt, running.Sent, running.Deferred, running.Bounced, running.Unknown, running.SkippedBusy, running.Errors));
        Assert.Equal((run.Id, run.StartedAt, (string?)null), (running.Id, running.StartedAt, running.Stopped));
        Assert.False(run.HasFinished());
        Assert.False(running.HasFinished());
        Assert.True((running with { Status = MailRunStatus.Completed }).HasFinished());
        Assert.True((running with { Status = MailRunStatus.Failed }).HasFinished());
    }

    /// <summary>Fires at every full hour, like a timer would at its CRON times.</summary>
    private sealed class HourlySchedule : IMailSchedule
    {
        public DateTimeOffset? NextAfter(MailJob job, DateTimeOffset after)
        {
            var utc = after.ToUniversalTime();
            return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero).AddHours(1);
        }
    }

    private sealed class RunLog : IMailRunLog
    {
        public List<MailRun> Saved { get; } = [];
        public int Gets { get; private set; }
        public int RecentCount { get; private set; }

        /// <summary>Saves of a running run's progress (after it was saved running once) throw.</summary>
        public bool FailRunningSaves { get; set; }

        public Task SaveAsync(MailRun run, CancellationToken cancellationToken)
        {
            if (FailRunningSaves && run.Status == MailRunStatus.Running && Saved.Any(r => r.Id == run.Id && r.Status == MailRunStatus.Running))
                throw new IOException("table unavailable");
            Saved.Add(run);
            return Task.CompletedTask;
        }

        public Task<MailRun?> GetAsync(string id, CancellationToken cancellationToken)
        {
            Gets++;
            return Task.FromResult(Saved.LastOrDefault(r => r.Id == id));
        }

        public Task<IReadOnlyList<MailRun>> RecentAsync(int count, CancellationToken cancellationToken)
        {
            RecentCount = count;
            return Task.FromResult<IReadOnlyList<MailRun>>(Saved.Take(count).ToList());
        }
    }

    private sealed class BrokenCompanyStore : ICompanyStore
    {
        public Task<bool> TryAddAsync(Company company, string keyHash, CancellationToken cancellationToken) => throw new IOException();
        public Task<Company?> GetAsync(string companyId, CancellationToken cancellationToken) => throw new IOException();
        public Task<string?> GetKeyHashAsync(string companyId, CancellationToken cancellationToken) => throw new IOException();
        public Task<IReadOnlyList<Company>> ListAsync(CancellationToken cancellationToken) => throw new IOException("table unavailable");
    }

    private sealed class Links : ISurveyLinks
    {
        public string Questionnaire(string surveyToken) => $"https://kto.example/s?t={surveyToken}";
        public string OptOut(string optOutToken) => $"https://kto.example/o?t={optOutToken}";
        public string ShortCodePage() => "https://kto.example/k";
    }

    private sealed class Composer : IMailComposer
    {
        public OutgoingMail Compose(MailContent content) =>
            new(content.Email, content.Step.Name, content.SurveyUrl, content.SurveyUrl, content.OptOutUrl);
    }

    private sealed class Sender : IMailSender, IMailSession
    {
        private int count;
        public Action<int>? OnSend { get; set; }

        public Task<IMailSession> OpenAsync(CancellationToken cancellationToken) => Task.FromResult<IMailSession>(this);

        public Task<MailSendResult> SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
        {
            OnSend?.Invoke(++count);
            return Task.FromResult(MailSendResult.Accepted);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
