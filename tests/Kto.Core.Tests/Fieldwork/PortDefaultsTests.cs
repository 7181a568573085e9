using Kto.Core.Fieldwork;
using Kto.Core.Survey;
using Kto.Core.Tests.Fakes;

namespace Kto.Core.Tests.Fieldwork;

/// <summary>
/// The ports' own methods, which every store that does not batch relies on: claims one by one (a storage failure is
/// "unknown", never a claim), contacts one by one, the offline filter, one service's attempts, a read-only store that
/// cannot record by hand, one throttle slot at a time, and tokens saved one by one for the survey by default.
/// </summary>
public sealed class PortDefaultsTests
{
    private readonly ScriptedFieldworkStore store = new();
    private IFieldworkStore Port => store;

    private static ContactDetails Contact(string id) => new("K-" + id, null, null, null, "Jansen", null, null, null, null, null);

    [Fact]
    public async Task Claims_one_by_one_answer_in_order_and_a_failed_write_is_unknown_not_claimed()
    {
        var claimed = store.Add("s1");
        var busy = store.Add("s2");
        var failed = store.Add("s3");
        store.BusyClaims.Add(busy);
        store.FailingClaims.Add(failed);
        var until = new DateTimeOffset(2026, 11, 30, 10, 15, 0, TimeSpan.Zero);
        var candidates = await Port.CandidatesAsync("acme", 2026, default).ToListAsync();

        var outcomes = await Port.TryClaimAllAsync(candidates.Select(c => (c, new ContactStep(1))).ToList(), until, default);

        Assert.Equal([ClaimOutcome.Claimed, ClaimOutcome.Busy, ClaimOutcome.Unknown], outcomes);
        Assert.Equal([(claimed, new ContactStep(1), until)], store.Claims);
    }

    [Fact]
    public async Task A_cancelled_run_stops_claiming_but_a_timeout_of_one_claim_is_only_unknown()
    {
        var candidate = (await Port.GetAsync(store.Add("s1"), default))!;
        var cancelling = new CancellingClaims(candidate);
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ((IFieldworkStore)cancelling).TryClaimAllAsync([(candidate, ContactStep.Invitation)], DateTimeOffset.MaxValue, cancel.Token));
        Assert.Equal([ClaimOutcome.Unknown], await ((IFieldworkStore)cancelling).TryClaimAllAsync([(candidate, ContactStep.Invitation)], DateTimeOffset.MaxValue, default));
    }

    [Fact]
    public async Task Contacts_one_by_one_leave_out_the_services_whose_data_is_gone()
    {
        var s1 = store.Add("s1", Contact("s1"));
        var gone = store.Add("s2");
        var s3 = store.Add("s3", Contact("s3"));

        var contacts = await Port.GetContactsAsync([s1, gone, s3], default);

        Assert.Equal([s1, s3], contacts.Keys.Order(Comparer<ServiceRef>.Create((a, b) => string.CompareOrdinal(a.ServiceId, b.ServiceId))));
        Assert.Equal("K-s3", contacts[s3].Klantnummer);
        Assert.Equal(3, store.ContactReads);
    }

    [Fact]
    public async Task The_default_offline_candidates_are_the_open_services_email_cannot_reach()
    {
        var noEmail = store.Add("s1");
        var bounced = store.Add("s2", hasEmail: true, bounced: true);
        store.Add("s3", hasEmail: true);
        store.Add("s4", status: ServiceStatus.Responded);

        Assert.Equal([noEmail, bounced], await Port.OfflineCandidatesAsync("acme", 2026, default).Select(c => c.Ref).ToListAsync());
    }

    [Fact]
    public async Task The_attempts_of_one_service_are_only_its_own()
    {
        var s1 = store.Add("s1");
        var s2 = store.Add("s2");
        var at = new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
        store.Attempts.Add(new ContactAttempt(s1, ContactStep.Invitation, ContactMode.Letter, at, AttemptOutcome.Sent));
        store.Attempts.Add(new ContactAttempt(s2, ContactStep.Invitation, ContactMode.Letter, at, AttemptOutcome.Sent));
        store.Attempts.Add(new ContactAttempt(s1, new ContactStep(1), ContactMode.Phone, at, AttemptOutcome.Reached));

        Assert.Equal([ContactMode.Letter, ContactMode.Phone], await Port.AttemptsOfAsync(s1, default).Select(a => a.Mode).ToListAsync());
    }

    [Fact]
    public async Task A_store_that_cannot_write_create_only_refuses_a_record_by_hand_and_says_which_store()
    {
        IFieldworkStore readOnly = new ReadOnlyStore();
        var attempt = new ContactAttempt(new ServiceRef("acme", 2026, "s1"), ContactStep.Invitation, ContactMode.Letter, DateTimeOffset.UnixEpoch, AttemptOutcome.Sent);

        var refused = await Assert.ThrowsAsync<NotSupportedException>(() => readOnly.TryRecordOnceAsync(attempt, new ContactUpdate(), default));
        Assert.StartsWith(nameof(ReadOnlyStore), refused.Message);
    }

    [Fact]
    public async Task A_throttle_without_batches_grants_one_slot_or_says_how_long_to_wait_and_reserves_nothing_for_none()
    {
        var throttle = new OneSlotThrottle();
        IMailThrottle port = throttle;

        Assert.Equal(new ThrottleGrant(0, null), await port.TryReserveAsync(0, default));
        Assert.Equal(0, throttle.Reservations);
        Assert.Equal(new ThrottleGrant(1, null), await port.TryReserveAsync(5, default));
        throttle.Wait = TimeSpan.FromSeconds(12);
        Assert.Equal(new ThrottleGrant(0, TimeSpan.FromSeconds(12)), await port.TryReserveAsync(5, default));
        Assert.Equal(2, throttle.Reservations);
    }

    [Fact]
    public async Task Tokens_are_saved_one_by_one_and_a_plain_token_is_a_survey_token()
    {
        var tokens = new OneByOneTokens();
        ISurveyTokenStore port = tokens;
        var s1 = new ServiceRef("acme", 2026, "s1");

        await port.SaveAllAsync([("h1", s1, TokenPurpose.Survey), ("h2", s1, TokenPurpose.OptOut)], default);
        await port.SaveAsync("h3", s1, default);

        Assert.Equal([("h1", TokenPurpose.Survey), ("h2", TokenPurpose.OptOut), ("h3", TokenPurpose.Survey)], tokens.Saved.Select(t => (t.Hash, t.Purpose)));
        Assert.Equal(s1, await port.FindAsync("h3", default));
        // The opt-out token only opts out: asked for as a survey token it is unknown.
        Assert.Null(await port.FindAsync("h2", default));
    }

    private sealed class CancellingClaims(FieldworkCandidate candidate) : IFieldworkStore
    {
        public IAsyncEnumerable<FieldworkCandidate> CandidatesAsync(string company, int year, CancellationToken cancellationToken) => new[] { candidate }.ToAsyncEnumerable();
        public Task<FieldworkCandidate?> GetAsync(ServiceRef service, CancellationToken cancellationToken) => Task.FromResult<FieldworkCandidate?>(candidate);
        public Task<bool> TryClaimAsync(FieldworkCandidate candidate, ContactStep step, DateTimeOffset until, CancellationToken cancellationToken) =>
            throw new OperationCanceledException("timed out");
        public Task<ContactDetails?> GetContactAsync(ServiceRef service, CancellationToken cancellationToken) => Task.FromResult<ContactDetails?>(null);
        public Task RecordAsync(ContactAttempt attempt, ContactUpdate update, CancellationToken cancellationToken) => Task.CompletedTask;
        public IAsyncEnumerable<ContactAttempt> AttemptsAsync(string company, int year, CancellationToken cancellationToken) => AsyncEnumerable.Empty<ContactAttempt>();
    }

    private sealed class ReadOnlyStore : IFieldworkStore
    {
        public IAsyncEnumerable<FieldworkCandidate> CandidatesAsync(string company, int year, CancellationToken cancellationToken) => AsyncEnumerable.Empty<FieldworkCandidate>();
        public Task<FieldworkCandidate?> GetAsync(ServiceRef service, CancellationToken cancellationToken) => Task.FromResult<FieldworkCandidate?>(null);
        public Task<bool> TryClaimAsync(FieldworkCandidate candidate, ContactStep step, DateTimeOffset until, CancellationToken cancellationToken) => Task.FromResult(false);
        public Task<ContactDetails?> GetContactAsync(ServiceRef service, CancellationToken cancellationToken) => Task.FromResult<ContactDetails?>(null);
        public Task RecordAsync(ContactAttempt attempt, ContactUpdate update, CancellationToken cancellationToken) => Task.CompletedTask;
        public IAsyncEnumerable<ContactAttempt> AttemptsAsync(string company, int year, CancellationToken cancellationToken) => AsyncEnumerable.Empty<ContactAttempt>();
    }

    private sealed class OneSlotThrottle : IMailThrottle
    {
        public TimeSpan? Wait { get; set; }
        public int Reservations { get; private set; }

        public Task<TimeSpan?> TryReserveAsync(CancellationToken cancellationToken)
        {
            Reservations++;
            return Task.FromResult(Wait);
        }

        public Task<ThrottleUse> CurrentUseAsync(CancellationToken cancellationToken) => Task.FromResult(new ThrottleUse(0, 30, 0, 100));
    }

    private sealed class OneByOneTokens : ISurveyTokenStore
    {
        public List<(string Hash, ServiceRef Service, TokenPurpose Purpose)> Saved { get; } = [];

        public Task SaveAsync(string tokenHash, ServiceRef service, TokenPurpose purpose, CancellationToken cancellationToken)
        {
            Saved.Add((tokenHash, service, purpose));
            return Task.CompletedTask;
        }

        public Task<ServiceRef?> FindAsync(string tokenHash, TokenPurpose purpose, CancellationToken cancellationToken) =>
            Task.FromResult(Saved.Where(t => t.Hash == tokenHash && t.Purpose == purpose).Select(t => (ServiceRef?)t.Service).FirstOrDefault());
    }
}
