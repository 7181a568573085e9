using System.Runtime.CompilerServices;
using Kto.Core.Fieldwork;
using Kto.Core.Survey;

namespace Kto.Core.Keurmerk;

/// <summary>
/// The fieldwork's view of clients and opdrachtgevers together, so both go through the one mail job (claims, throttle,
/// never twice, attempts recorded) and the one call list and call record (<c>CallListService</c>,
/// <see cref="ManualAttemptService"/>): a company's candidates, offline candidates and attempts are its clients', then
/// its opdrachtgevers'; every other call goes to the store the id belongs to (<see cref="OpdrachtgeverIds.IsOpdrachtgever"/>).
/// The figures never read through this view: they count clients and opdrachtgevers apart.
/// </summary>
public sealed class AudienceFieldworkStore(IFieldworkStore clients, IFieldworkStore opdrachtgevers) : IFieldworkStore
{
    public async IAsyncEnumerable<FieldworkCandidate> CandidatesAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var candidate in clients.CandidatesAsync(company, year, cancellationToken)) yield return candidate;
        await foreach (var candidate in opdrachtgevers.CandidatesAsync(company, year, cancellationToken)) yield return candidate;
    }

    public async IAsyncEnumerable<FieldworkCandidate> OfflineCandidatesAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var candidate in clients.OfflineCandidatesAsync(company, year, cancellationToken)) yield return candidate;
        await foreach (var candidate in opdrachtgevers.OfflineCandidatesAsync(company, year, cancellationToken)) yield return candidate;
    }

    public Task<FieldworkCandidate?> GetAsync(ServiceRef service, CancellationToken cancellationToken) =>
        For(service).GetAsync(service, cancellationToken);

    public Task<bool> TryClaimAsync(FieldworkCandidate candidate, ContactStep step, DateTimeOffset until, CancellationToken cancellationToken) =>
        For(candidate.Ref).TryClaimAsync(candidate, step, until, cancellationToken);

    public async Task<IReadOnlyList<ClaimOutcome>> TryClaimAllAsync(IReadOnlyList<(FieldworkCandidate Candidate, ContactStep Step)> claims,
        DateTimeOffset until, CancellationToken cancellationToken)
    {
        var outcomes = new ClaimOutcome[claims.Count];
        foreach (var (store, indexes) in Split(claims.Select(c => c.Candidate.Ref).ToList()))
        {
            var part = await store.TryClaimAllAsync(indexes.Select(i => claims[i]).ToList(), until, cancellationToken);
            for (var k = 0; k < indexes.Count; k++) outcomes[indexes[k]] = part[k];
        }
        return outcomes;
    }

    public Task<ContactDetails?> GetContactAsync(ServiceRef service, CancellationToken cancellationToken) =>
        For(service).GetContactAsync(service, cancellationToken);

    public async Task<IReadOnlyDictionary<ServiceRef, ContactDetails>> GetContactsAsync(IReadOnlyList<ServiceRef> services, CancellationToken cancellationToken)
    {
        var found = new Dictionary<ServiceRef, ContactDetails>();
        foreach (var (store, indexes) in Split(services))
            foreach (var (service, contact) in await store.GetContactsAsync(indexes.Select(i => services[i]).ToList(), cancellationToken))
                found[service] = contact;
        return found;
    }

    public Task RecordAsync(ContactAttempt attempt, ContactUpdate update, CancellationToken cancellationToken) =>
        For(attempt.Service).RecordAsync(attempt, update, cancellationToken);

    public Task RecordAllAsync(IReadOnlyList<(ContactAttempt Attempt, ContactUpdate Update)> records, CancellationToken cancellationToken) =>
        EachStoreAsync(records, (store, part) => store.RecordAllAsync(part, cancellationToken));

    public Task RecordAttemptsAsync(IReadOnlyList<(ContactAttempt Attempt, ContactUpdate Update)> records, CancellationToken cancellationToken) =>
        EachStoreAsync(records, (store, part) => store.RecordAttemptsAsync(part, cancellationToken));

    public Task ApplyUpdatesAsync(IReadOnlyList<(ContactAttempt Attempt, ContactUpdate Update)> records, CancellationToken cancellationToken) =>
        EachStoreAsync(records, (store, part) => store.ApplyUpdatesAsync(part, cancellationToken));

    public async Task ReleaseClaimsAsync(IReadOnlyList<ServiceRef> services, CancellationToken cancellationToken)
    {
        foreach (var (store, indexes) in Split(services))
            await store.ReleaseClaimsAsync(indexes.Select(i => services[i]).ToList(), cancellationToken);
    }

    public Task<bool> TryRecordOnceAsync(ContactAttempt attempt, ContactUpdate update, CancellationToken cancellationToken) =>
        For(attempt.Service).TryRecordOnceAsync(attempt, update, cancellationToken);

    public async IAsyncEnumerable<ContactAttempt> AttemptsAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var attempt in clients.AttemptsAsync(company, year, cancellationToken)) yield return attempt;
        await foreach (var attempt in opdrachtgevers.AttemptsAsync(company, year, cancellationToken)) yield return attempt;
    }

    public IAsyncEnumerable<ContactAttempt> AttemptsOfAsync(ServiceRef service, CancellationToken cancellationToken) =>
        For(service).AttemptsOfAsync(service, cancellationToken);

    /// <summary>Hands each store its part of a batch of records, one store after the other (clients first).</summary>
    private async Task EachStoreAsync(IReadOnlyList<(ContactAttempt Attempt, ContactUpdate Update)> records,
        Func<IFieldworkStore, IReadOnlyList<(ContactAttempt Attempt, ContactUpdate Update)>, Task> write)
    {
        foreach (var (store, indexes) in Split(records.Select(r => r.Attempt.Service).ToList()))
            await write(store, indexes.Select(i => records[i]).ToList());
    }

    /// <summary>The positions of a batch that belong to each store (clients first), so a batch stays a batch per store.</summary>
    private IEnumerable<(IFieldworkStore Store, List<int> Indexes)> Split(IReadOnlyList<ServiceRef> services)
    {
        var byStore = Enumerable.Range(0, services.Count).GroupBy(i => For(services[i]) == clients);
        return byStore.OrderByDescending(g => g.Key).Select(g => (g.Key ? clients : opdrachtgevers, g.ToList()));
    }

    private IFieldworkStore For(ServiceRef service) => OpdrachtgeverIds.IsOpdrachtgever(service.ServiceId) ? opdrachtgevers : clients;
}
