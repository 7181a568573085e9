using Kto.Core.Companies;
using Kto.Core.Fieldwork;
using Kto.Core.Settings;
using Kto.Core.Survey;
using Kto.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Kto.Core.Tests.Fieldwork;

/// <summary>
/// The mail job in batches on counting fakes: storage calls per batch instead of per mail (the throttle, claims,
/// contacts, tokens, records), never more mails than slots granted, and a run that stops mid-batch recording what it
/// attempted and releasing what it never tried. (Against Azurite: Kto.Functions.Tests/MailBatchTests.)
/// </summary>
public sealed class MailJobBatchTests
{
    // Monday 2 March 2026, 10:00 in Amsterdam: no quiet time, only 2026 in fieldwork.
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(1));
    private readonly FakeTimeProvider time = new(Now);
    private readonly InMemoryCompanyStore companies = new();
    private readonly BatchingFieldworkStore store = new();
    private readonly CountingTokenStore tokens = new();
    private readonly Sender sender = new();
    private readonly MailSettings settings = new() { BatchSize = 50 };

    public MailJobBatchTests()
    {
        companies.TryAddAsync(new Company("acme", "Acme Re-integratie", Now), "hash", default).Wait();
    }

    private MailJobService Service(IMailThrottle throttle) => new(companies, store, tokens, sender, new Composer(), throttle,
        new ContactPolicy(new FieldworkSettings()), settings, new Links(), time);

    [Fact]
    public async Task A_batch_takes_one_throttle_reservation_one_claim_one_contacts_read_one_token_save_and_one_record_write()
    {
        for (var i = 0; i < 120; i++) store.Add($"s{i:D3}");
        var throttle = new CountingMailThrottle(free: 1_000);

        var result = await Service(throttle).RunAsync(MailJob.SendInvitations, Now, default);

        Assert.Equal((120, MailJobResult.StopReasons.Done), (result.Sent, result.Stopped));
        Assert.Equal(120, sender.Sent.Select(m => m.To).Distinct().Count());
        Assert.Equal(120, store.Recorded.Count(r => r.Attempt.Outcome == AttemptOutcome.Sent));
        Assert.Equal(240, tokens.Saved.Count);
        // 120 mails in batches of 50: three of each, where one per mail was the rule (today: 120 reservations).
        Assert.Equal(3, throttle.Reservations);
        Assert.Equal([50, 50, 20], throttle.Granted);
        Assert.Equal(3, store.Calls["TryClaimAllAsync"]);
        Assert.Equal(3, store.Calls["GetContactsAsync"]);
        Assert.Equal(3, store.Calls["RecordAttemptsAsync"]);
        Assert.Equal(3, store.Calls["ApplyUpdatesAsync"]);
        Assert.Equal(3, tokens.Calls);
        Assert.DoesNotContain("TryClaimAsync", store.Calls.Keys);
        Assert.DoesNotContain("GetContactAsync", store.Calls.Keys);
        Assert.DoesNotContain("RecordAsync", store.Calls.Keys);
        var perMail = (store.TotalCalls + tokens.Calls + throttle.Reservations) / 120.0;
        Assert.True(perMail < 0.2, $"{perMail:F2} storage calls per mail");
    }

    [Fact]
    public async Task A_batchs_tokens_are_made_together_by_the_token_store_and_the_mails_carry_exactly_those()
    {
        for (var i = 0; i < 60; i++) store.Add($"s{i:D2}");

        var result = await Service(new CountingMailThrottle(free: 1_000)).RunAsync(MailJob.SendInvitations, Now, default);

        Assert.Equal(60, result.Sent);
        // One request per batch of 50, two tokens a mail: the store can make tokens it saves in one write.
        Assert.Equal([100, 20], tokens.Made.Select(m => m.Count));
        var made = tokens.Made.SelectMany(m => m).ToList();
        Assert.Equal(made.Select(t => t.Hash).Order(), tokens.Saved.Select(t => t.Hash).Order());
        var linked = sender.Sent.SelectMany(m => new[] { m.Text, m.UnsubscribeUrl }).Select(url => url[(url.IndexOf("t=") + 2)..]);
        Assert.Equal(made.Select(t => t.Token).Order(), linked.Order());
        Assert.Equal(60, tokens.Saved.Count(t => t.Purpose == TokenPurpose.OptOut));
    }

    [Fact]
    public async Task A_batchs_contacts_are_read_and_tokens_saved_while_its_claims_are_written_and_only_the_claimed_are_mailed()
    {
        store.Add("s1");
        var changed = store.Add("s2");
        store.Add("s3");
        var contactsReadBeforeClaims = -1;
        store.BeforeClaims = () =>
        {
            contactsReadBeforeClaims = store.Calls.GetValueOrDefault("GetContactsAsync");
            store.Touch(changed); // another run takes s2 meanwhile
        };

        var result = await Service(new CountingMailThrottle(free: 1_000)).RunAsync(MailJob.SendInvitations, Now, default);

        // The read was sent before the claims (a round trip less per batch), of the whole slice, s2 included...
        Assert.Equal(1, contactsReadBeforeClaims);
        Assert.Equal(1, store.Calls["GetContactsAsync"]);
        // ...but only what this run claimed is mailed.
        Assert.Equal((2, 1), (result.Sent, result.SkippedBusy));
        Assert.Equal(["s1@example.nl", "s3@example.nl"], sender.Sent.Select(m => m.To).Order());
        // Tokens were made and saved for the whole slice meanwhile, in one write; the mails carry only the claimed
        // services' tokens, so s2's saved tokens were never handed to anyone.
        Assert.Equal(6, tokens.Made.Single().Count);
        Assert.Equal(1, tokens.Calls);
        Assert.Equal(["s1", "s1", "s2", "s2", "s3", "s3"], tokens.Saved.Select(t => t.Service.ServiceId).Order());
        Assert.Equal(tokens.Made.Single().Select(m => m.Hash).Order(), tokens.Saved.Select(t => t.Hash).Order());
        var mailedTokens = sender.Sent.SelectMany(m => new[] { m.Text, m.UnsubscribeUrl }).Select(url => url[(url.IndexOf("t=") + 2)..]).ToHashSet();
        var s2Tokens = tokens.Saved.Where(t => t.Service.ServiceId == "s2").Select(t => tokens.Made.Single().Single(m => m.Hash == t.Hash).Token);
        Assert.DoesNotContain(s2Tokens, mailedTokens.Contains);
        Assert.Equal(4, mailedTokens.Count);
    }

    [Fact]
    public async Task A_batch_larger_than_the_free_slots_sends_and_claims_only_as_many_as_were_granted()
    {
        for (var i = 0; i < 20; i++) store.Add($"s{i:D2}");
        var throttle = new CountingMailThrottle(free: 7) { WaitWhenFull = settings.MaxThrottleWait + TimeSpan.FromSeconds(1) };

        var result = await Service(throttle).RunAsync(MailJob.SendInvitations, Now, default);

        Assert.Equal((7, MailJobResult.StopReasons.Throttled), (result.Sent, result.Stopped));
        Assert.Equal([7], throttle.Granted);
        Assert.Equal(7, sender.Sent.Count);
        Assert.Equal(7, store.Claimed.Count);
        Assert.Equal(sender.Sent.Select(m => m.To).Order(), store.Claimed.Keys.Select(s => $"{s.ServiceId}@example.nl").Order());
    }

    [Fact]
    public async Task A_service_another_run_changed_after_the_read_is_skipped_and_the_rest_of_the_batch_is_mailed()
    {
        store.Add("s1");
        var changed = store.Add("s2");
        store.Add("s3");
        store.BeforeClaims = () => store.Touch(changed);

        var result = await Service(new CountingMailThrottle(free: 100)).RunAsync(MailJob.SendInvitations, Now, default);

        Assert.Equal((2, 1), (result.Sent, result.SkippedBusy));
        Assert.Equal(["s1@example.nl", "s3@example.nl"], sender.Sent.Select(m => m.To));
        Assert.DoesNotContain(store.Recorded, r => r.Attempt.Service == changed);
    }

    [Fact]
    public async Task A_run_that_stops_mid_batch_records_what_it_tried_and_releases_the_claims_of_the_rest()
    {
        var all = Enumerable.Range(1, 5).Select(i => store.Add($"s{i}")).ToList();
        sender.Answer = _ => new MailSendResult(MailOutcome.Transient); // no answer at all: the connection

        var result = await Service(new CountingMailThrottle(free: 100)).RunAsync(MailJob.SendInvitations, Now, default);

        Assert.Equal((MailJobResult.StopReasons.MailServerUnavailable, 3), (result.Stopped, result.Deferred));
        Assert.Equal(all.Take(3), store.Recorded.Select(r => r.Attempt.Service));
        Assert.Equal(all.Skip(3), store.Released);
    }

    [Fact]
    public async Task A_run_cancelled_while_sending_records_the_mails_sent_keeps_the_claim_of_the_one_in_flight_and_releases_the_rest()
    {
        var all = Enumerable.Range(1, 4).Select(i => store.Add($"s{i}")).ToList();
        using var cancel = new CancellationTokenSource();
        sender.Answer = mail =>
        {
            if (mail.To != "s2@example.nl") return MailSendResult.Accepted;
            cancel.Cancel();
            throw new OperationCanceledException(cancel.Token);
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Service(new CountingMailThrottle(free: 100)).RunAsync(MailJob.SendInvitations, Now, cancel.Token));

        // s1 went out and is recorded; s2 may have gone out: its claim stays, so the next run records it unknown and
        // never mails it again; s3 and s4 were never tried: released, so the next run mails them.
        Assert.Equal([(all[0], AttemptOutcome.Sent)], store.Recorded.Select(r => (r.Attempt.Service, r.Attempt.Outcome)));
        Assert.Equal(all.Skip(2), store.Released);
        Assert.Contains(all[1], store.Claimed.Keys);
    }

    [Fact]
    public async Task A_batchs_service_updates_are_written_after_its_attempts_alongside_the_next_reservation_and_before_the_next_claims()
    {
        var all = Enumerable.Range(1, 6).Select(i => store.Add($"s{i}")).ToList();
        settings.BatchSize = 2;
        store.UpdateTime = TimeSpan.FromMilliseconds(200);
        var throttle = new CountingMailThrottle(free: 100) { OnReserve = () => store.Note("reserve") };

        var result = await Service(throttle).RunAsync(MailJob.SendInvitations, Now, default);

        // The next batch reserves its slots while the last one's updates are written (a round trip less a batch), but
        // claims only once they are: one batch holds claims at a time, so a crash leaves at most one batch unknown. The
        // attempts are always written before their updates start, so no service is ever updated without its attempt.
        Assert.Equal([
            "reserve", "claim s1 s2", "attempts s1 s2", "updating s1 s2",
            "reserve", "updated s1 s2", "claim s3 s4", "attempts s3 s4", "updating s3 s4",
            "reserve", "updated s3 s4", "claim s5 s6", "attempts s5 s6", "updating s5 s6", "updated s5 s6",
        ], store.Log);
        // The run's result waits for the last batch's updates and counts every mail.
        Assert.Equal((6, MailJobResult.StopReasons.Done), (result.Sent, result.Stopped));
        Assert.Equal(all, store.Updated);
    }

    [Fact]
    public async Task When_a_batchs_service_updates_fail_its_mails_are_recorded_one_by_one_and_still_counted_once()
    {
        var all = Enumerable.Range(1, 4).Select(i => store.Add($"s{i}")).ToList();
        settings.BatchSize = 2;
        store.FailUpdates = true;

        var result = await Service(new CountingMailThrottle(free: 100)).RunAsync(MailJob.SendInvitations, Now, default);

        // Each failed batch write is one error; every mail is then recorded as a single mail is (attempt and update).
        Assert.Equal((4, 2), (result.Sent, result.Errors));
        Assert.Equal(4, store.Calls["RecordAsync"]);
        Assert.Equal(all, store.Recorded.Where(r => r.Attempt.Outcome == AttemptOutcome.Sent).Select(r => r.Attempt.Service).Distinct());
    }

    [Fact]
    public async Task A_run_cancelled_while_the_next_batch_reserves_still_writes_the_updates_of_the_mails_it_sent()
    {
        var all = Enumerable.Range(1, 4).Select(i => store.Add($"s{i}")).ToList();
        settings.BatchSize = 2;
        store.UpdateTime = TimeSpan.FromMilliseconds(100);
        using var cancel = new CancellationTokenSource();
        var throttle = new CountingMailThrottle(free: 100);
        throttle.OnReserve = () =>
        {
            if (throttle.Reservations < 2) return;
            cancel.Cancel(); // the run is stopped while the second batch's reservation is under way
            cancel.Token.ThrowIfCancellationRequested();
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Service(throttle).RunAsync(MailJob.SendInvitations, Now, cancel.Token));

        // s1 and s2 went out and their attempts are written: their claims are cleared although the run was stopped
        // meanwhile (else the next run would record them unknown). s3 and s4 were never claimed.
        Assert.Equal(all.Take(2), store.Updated);
        Assert.Equal(all.Take(2), store.Claimed.Keys);
    }

    [Fact]
    public async Task With_room_in_the_throttle_fifty_services_share_one_contacts_read_and_one_token_write_and_are_claimed_a_batch_at_a_time()
    {
        for (var i = 0; i < 100; i++) store.Add($"s{i:D3}");
        settings.BatchSize = 10;
        var throttle = new CountingMailThrottle(free: 1_000);

        var result = await Service(throttle).RunAsync(MailJob.SendInvitations, Now, default);

        Assert.Equal(100, result.Sent);
        // Contacts and tokens 50 services at a time (2 requests each for 100 mails, not 10)...
        Assert.Equal(2, store.Calls["GetContactsAsync"]);
        Assert.Equal([100, 100], tokens.Made.Select(m => m.Count));
        Assert.Equal(2, tokens.Calls);
        // ...while claims stay 10 at a time: a crash can still leave no more than one batch unknown.
        var claims = store.Log.Where(l => l.StartsWith("claim ")).Select(l => l.Split(' ').Length - 1).ToList();
        Assert.Equal(Enumerable.Repeat(10, 10), claims);
        Assert.Equal(Enumerable.Repeat(10, 10), throttle.Granted);
        var linked = sender.Sent.SelectMany(m => new[] { m.Text, m.UnsubscribeUrl }).Select(url => url[(url.IndexOf("t=") + 2)..]);
        Assert.Equal(tokens.Made.SelectMany(m => m).Select(t => t.Token).Order(), linked.Order());
    }

    [Fact]
    public async Task Tokens_are_saved_ahead_only_for_as_many_services_as_the_throttle_has_room_for()
    {
        for (var i = 0; i < 50; i++) store.Add($"s{i:D2}");
        settings.BatchSize = 10;
        var throttle = new CountingMailThrottle(free: 25) { WaitWhenFull = settings.MaxThrottleWait + TimeSpan.FromSeconds(1) };

        var result = await Service(throttle).RunAsync(MailJob.SendInvitations, Now, default);

        Assert.Equal((25, MailJobResult.StopReasons.Throttled), (result.Sent, result.Stopped));
        Assert.Equal([10, 10, 5], throttle.Granted);
        // The first grant left room for 15 more: the tokens of those 25 in one write, and none for the 25 the run
        // never got to (no rows left behind that no mail carries).
        Assert.Equal([50], tokens.Made.Select(m => m.Count));
        Assert.Equal(sender.Sent.Select(m => m.To).Order(), tokens.Saved.Where(t => t.Purpose == TokenPurpose.Survey).Select(t => $"{t.Service.ServiceId}@example.nl").Order());
        // The same for the contacts: read for those 25 together, after the first grant; none held for the rest.
        Assert.Equal(sender.Sent.Select(m => m.To).Order(), store.ContactReads.Single().Select(s => $"{s.ServiceId}@example.nl").Order());
    }

    [Fact]
    public async Task A_batch_past_the_tokens_saved_ahead_gets_its_own_and_its_mails_carry_tokens_that_were_saved()
    {
        for (var i = 0; i < 30; i++) store.Add($"s{i:D2}");
        settings.BatchSize = 10;
        var throttle = new CountingMailThrottle(free: 15);
        throttle.OnReserve = () =>
        {
            if (throttle.Reservations == 2) throttle.Free += 15; // slots free up: the next grant reaches past the tokens made
        };

        var result = await Service(throttle).RunAsync(MailJob.SendInvitations, Now, default);

        Assert.Equal(30, result.Sent);
        Assert.Equal([10, 10, 10], throttle.Granted);
        // 15 ahead at first (10 + 5 free), then the second batch's last 5 and the rest the throttle has room for.
        Assert.Equal([30, 30], tokens.Made.Select(m => m.Count));
        Assert.Equal([15, 15], store.ContactReads.Select(r => r.Count)); // the second batch's mails come from both reads
        var saved = tokens.Saved.Select(t => t.Hash).ToHashSet();
        var made = tokens.Made.SelectMany(m => m).ToDictionary(t => t.Token, t => t.Hash);
        var linked = sender.Sent.SelectMany(m => new[] { m.Text, m.UnsubscribeUrl }).Select(url => url[(url.IndexOf("t=") + 2)..]).ToList();
        Assert.Equal(60, linked.Distinct().Count());
        Assert.All(linked, token => Assert.Contains(made[token], saved));
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
        public List<OutgoingMail> Sent { get; } = [];
        public Func<OutgoingMail, MailSendResult> Answer { get; set; } = _ => MailSendResult.Accepted;

        public Task<IMailSession> OpenAsync(CancellationToken cancellationToken) => Task.FromResult<IMailSession>(this);

        public Task<MailSendResult> SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
        {
            var result = Answer(mail);
            if (result.Outcome == MailOutcome.Accepted) Sent.Add(mail);
            return Task.FromResult(result);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
