using Kto.Core.Fieldwork;
using Kto.Core.Keurmerk;
using Kto.Core.Survey;

namespace Kto.Core.Tests.Keurmerk;

/// <summary>The one mail job sees clients, then opdrachtgevers; every call about one of them goes to that one's store.</summary>
public sealed class AudienceStoresTests
{
    [Fact]
    public async Task Candidates_are_the_clients_then_the_opdrachtgevers_and_a_claim_goes_to_the_store_of_its_id()
    {
        var clientRef = new ServiceRef("acme", 2026, new string('a', 32));
        var opdrachtgeverRef = new ServiceRef("acme", 2026, OpdrachtgeverIds.Of("UWV"));
        var clients = new OneCandidateStore(clientRef, SurveyAudience.Client);
        var opdrachtgevers = new OneCandidateStore(opdrachtgeverRef, SurveyAudience.Opdrachtgever);
        var store = new AudienceFieldworkStore(clients, opdrachtgevers);

        var candidates = await store.CandidatesAsync("acme", 2026, CancellationToken.None).ToListAsync();
        Assert.Equal([SurveyAudience.Client, SurveyAudience.Opdrachtgever], candidates.Select(c => c.Audience));

        await store.TryClaimAsync(candidates[1], ContactStep.Invitation, DateTimeOffset.UtcNow, CancellationToken.None);
        await store.RecordAsync(new ContactAttempt(clientRef, ContactStep.Invitation, ContactMode.Email, DateTimeOffset.UtcNow, AttemptOutcome.Sent),
            ContactUpdate.For(new ContactAttempt(clientRef, ContactStep.Invitation, ContactMode.Email, DateTimeOffset.UtcNow, AttemptOutcome.Sent), TimeSpan.FromMinutes(30), 0),
            CancellationToken.None);
        Assert.Equal((0, 1), (clients.Claims, opdrachtgevers.Claims));
        Assert.Equal((1, 0), (clients.Records, opdrachtgevers.Records));
    }

    private sealed class OneCandidateStore(ServiceRef service, SurveyAudience audience) : IFieldworkStore
    {
        public int Claims, Records;
        private FieldworkCandidate Candidate => new(service, default, new ContactState(ServiceStatus.Open, true, false, 0, null, null), "v", null, null, audience);

        public IAsyncEnumerable<FieldworkCandidate> CandidatesAsync(string company, int year, CancellationToken cancellationToken) => new[] { Candidate }.ToAsyncEnumerable();
        public Task<FieldworkCandidate?> GetAsync(ServiceRef s, CancellationToken cancellationToken) => Task.FromResult<FieldworkCandidate?>(Candidate);
        public Task<bool> TryClaimAsync(FieldworkCandidate candidate, ContactStep step, DateTimeOffset until, CancellationToken cancellationToken) { Claims++; return Task.FromResult(true); }
        public Task<ContactDetails?> GetContactAsync(ServiceRef s, CancellationToken cancellationToken) => Task.FromResult<ContactDetails?>(null);
        public Task RecordAsync(ContactAttempt attempt, ContactUpdate update, CancellationToken cancellationToken) { Records++; return Task.CompletedTask; }
        public IAsyncEnumerable<ContactAttempt> AttemptsAsync(string company, int year, CancellationToken cancellationToken) => AsyncEnumerable.Empty<ContactAttempt>();
    }
}
