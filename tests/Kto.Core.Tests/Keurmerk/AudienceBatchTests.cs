using Kto.Core.Fieldwork;
using Kto.Core.Keurmerk;
using Kto.Core.Questionnaires;
using Kto.Core.Survey;
using Kto.Core.Tests.Fakes;

namespace Kto.Core.Tests.Keurmerk;

/// <summary>
/// The audience views split every batch by id: each store gets only its own clients or opdrachtgevers (never the other
/// audience's contact data), in one batch call, and every answer comes back at the position it was asked.
/// </summary>
public sealed class AudienceBatchTests
{
    private static readonly DateTimeOffset At = new(2026, 5, 1, 10, 0, 0, TimeSpan.Zero);

    private readonly BatchingFieldworkStore clients = new();
    private readonly BatchingFieldworkStore opdrachtgevers = new();
    private readonly ServiceRef client1, client2, og1, og2;
    private readonly AudienceFieldworkStore store;

    public AudienceBatchTests()
    {
        client1 = clients.Add(new string('a', 32));
        client2 = clients.Add(new string('b', 32));
        og1 = opdrachtgevers.Add(OpdrachtgeverIds.Of("UWV"));
        og2 = opdrachtgevers.Add(OpdrachtgeverIds.Of("Gemeente Utrecht"));
        store = new AudienceFieldworkStore(clients, opdrachtgevers);
    }

    [Fact]
    public async Task A_mixed_claim_batch_is_one_batch_per_store_clients_first_and_each_outcome_keeps_its_position()
    {
        var candidates = await store.CandidatesAsync("acme", 2026, default).ToDictionaryAsync(c => c.Ref);
        // Another run changed og1 and client2 since they were read: those two claims are busy.
        opdrachtgevers.Touch(og1);
        clients.Touch(client2);
        var order = new List<string>();
        clients.BeforeClaims = () => order.Add("clients");
        opdrachtgevers.BeforeClaims = () => order.Add("opdrachtgevers");

        var outcomes = await store.TryClaimAllAsync(
            new[] { og1, client1, og2, client2 }.Select(r => (candidates[r], ContactStep.Invitation)).ToList(), At, default);

        Assert.Equal([ClaimOutcome.Busy, ClaimOutcome.Claimed, ClaimOutcome.Claimed, ClaimOutcome.Busy], outcomes);
        Assert.Equal(["clients", "opdrachtgevers"], order);
        Assert.Equal([client1], clients.Claimed.Keys);
        Assert.Equal([og2], opdrachtgevers.Claimed.Keys);
    }

    [Fact]
    public async Task Contacts_of_a_mixed_batch_are_read_from_each_audiences_own_store_in_one_call_each()
    {
        var found = await store.GetContactsAsync([og1, client1, og2, client2], default);

        Assert.Equal(4, found.Count);
        Assert.Equal("K-" + og2.ServiceId, found[og2].Klantnummer);
        Assert.Equal("K-" + client1.ServiceId, found[client1].Klantnummer);
        Assert.Equal((1, 1), (clients.Calls["GetContactsAsync"], opdrachtgevers.Calls["GetContactsAsync"]));
    }

    [Fact]
    public async Task Recorded_attempts_and_released_claims_go_only_to_the_store_of_their_id()
    {
        ContactAttempt Sent(ServiceRef s) => new(s, ContactStep.Invitation, ContactMode.Email, At, AttemptOutcome.Sent);

        await store.RecordAllAsync(new[] { og1, client1, client2 }.Select(s => (Sent(s), ContactUpdate.For(Sent(s), TimeSpan.FromMinutes(30)))).ToList(), default);
        await store.ReleaseClaimsAsync([client2, og2, og1], default);

        Assert.Equal([client1, client2], clients.Recorded.Select(r => r.Attempt.Service));
        Assert.Equal([og1], opdrachtgevers.Recorded.Select(r => r.Attempt.Service));
        Assert.Equal([client2], clients.Released);
        Assert.Equal([og2, og1], opdrachtgevers.Released);
    }

    [Fact]
    public async Task Offline_candidates_and_attempts_of_a_company_are_the_clients_then_the_opdrachtgevers()
    {
        var clientData = new InMemorySurveyData();
        var opdrachtgeverData = new InMemorySurveyData(SurveyAudience.Opdrachtgever);
        var client = clientData.Add(new string('c', 32), InMemorySurveyData.Contact("K1"));
        var opdrachtgever = opdrachtgeverData.Add(OpdrachtgeverIds.Of("UWV"), InMemorySurveyData.Contact("UWV"));
        opdrachtgeverData.Call(opdrachtgever, AttemptOutcome.NoAnswer, At);
        clientData.Call(client, AttemptOutcome.Reached, At.AddHours(1));
        var view = new AudienceFieldworkStore(clientData, opdrachtgeverData);

        var offline = await view.OfflineCandidatesAsync("acme", 2026, default).ToListAsync();
        var attempts = await view.AttemptsAsync("acme", 2026, default).ToListAsync();

        Assert.Equal([client, opdrachtgever], offline.Select(c => c.Ref));
        Assert.Equal([client, opdrachtgever], attempts.Select(a => a.Service));
    }

    [Fact]
    public async Task Answers_are_kept_in_the_store_of_their_id_and_a_years_list_is_the_clients_then_the_opdrachtgevers()
    {
        var clientData = new InMemorySurveyData();
        var opdrachtgeverData = new InMemorySurveyData(SurveyAudience.Opdrachtgever);
        var view = new AudienceResponseStore(clientData, opdrachtgeverData);
        var og = new ServiceRef("acme", 2026, OpdrachtgeverIds.Of("UWV"));
        var client = new ServiceRef("acme", 2026, new string('c', 32));
        StoredResponse Answer(ServiceRef s) => new(s, Perceel.NaarWerk, new Answers("v", new Dictionary<string, AnswerValue>()), At);

        Assert.True(await view.TryAddAsync(Answer(og), default));
        Assert.True(await view.TryAddAsync(Answer(client), default));

        Assert.NotNull(await opdrachtgeverData.FindAsync(og, default));
        Assert.Null(await clientData.FindAsync(og, default));
        Assert.NotNull(await view.FindAsync(client, default));
        Assert.Equal([client, og], await view.ForYearAsync("acme", 2026, default).Select(r => r.Service).ToListAsync());
    }
}
