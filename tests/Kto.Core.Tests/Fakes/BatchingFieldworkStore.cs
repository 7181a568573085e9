using System.Runtime.CompilerServices;
using Kto.Core.Fieldwork;
using Kto.Core.Survey;

namespace Kto.Core.Tests.Fakes;

/// <summary>
/// Services in memory for the mail job, with the batch calls a Table store offers, counting every call (each is one
/// storage request or transaction in the Table store). Claims keep versions as ETags do: a claim on a version that
/// changed is busy.
/// </summary>
public sealed class BatchingFieldworkStore : IFieldworkStore
{
    private readonly Dictionary<ServiceRef, (FieldworkCandidate Candidate, ContactDetails Contact)> services = [];
    private int version;

    public Dictionary<string, int> Calls { get; } = [];
    public List<(ContactAttempt Attempt, ContactUpdate Update)> Recorded { get; } = [];
    public Dictionary<ServiceRef, int> Claimed { get; } = [];
    public List<ServiceRef> Released { get; } = [];
    /// <summary>Services whose update (<see cref="ApplyUpdatesAsync"/>) was written.</summary>
    public List<ServiceRef> Updated { get; } = [];

    /// <summary>Claims, attempts and updates as they happen ("claim s1 s2", "attempts s1 s2" when written, "updating s1 s2" when asked, "updated s1 s2" when written); a test may add its own.</summary>
    public List<string> Log { get; } = [];

    /// <summary>Set by a test: how long a batch's service updates take (the job goes on meanwhile, until it needs them).</summary>
    public TimeSpan UpdateTime { get; set; }

    /// <summary>Set by a test: the batch write of the services' updates fails (after <see cref="UpdateTime"/>).</summary>
    public bool FailUpdates { get; set; }

    public void Note(string line)
    {
        lock (Log) Log.Add(line);
    }

    private static string Ids(IEnumerable<ServiceRef> services) => string.Join(' ', services.Select(s => s.ServiceId));

    public int TotalCalls => Calls.Values.Sum();

    public ServiceRef Add(string id, int steps = 0, DateTimeOffset? invitedAt = null)
    {
        var service = new ServiceRef("acme", 2026, id);
        var state = new ContactState(ServiceStatus.Open, true, false, steps, invitedAt, null, 0);
        services[service] = (new FieldworkCandidate(service, Perceel.NaarWerk, state, $"v{++version}", null, null),
            new ContactDetails("K-" + id, null, null, null, null, $"{id}@example.nl", null, null, null, null));
        return service;
    }

    /// <summary>Another run changed the service after it was read: its version moves on.</summary>
    public void Touch(ServiceRef service) =>
        services[service] = (services[service].Candidate with { Version = $"v{++version}" }, services[service].Contact);

    private void Count([CallerMemberName] string name = "") => Calls[name] = Calls.GetValueOrDefault(name) + 1;

    public async IAsyncEnumerable<FieldworkCandidate> CandidatesAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Count();
        await Task.Yield();
        foreach (var (candidate, _) in services.Values.Where(s => s.Candidate.Ref.Company == company && s.Candidate.Ref.Year == year).ToList())
            yield return candidate;
    }

    /// <summary>Set by a test to act between the run's read and its claims (another run writing).</summary>
    public Action? BeforeClaims { get; set; }

    public Task<FieldworkCandidate?> GetAsync(ServiceRef service, CancellationToken cancellationToken)
    {
        Count();
        return Task.FromResult<FieldworkCandidate?>(services.TryGetValue(service, out var found) ? found.Candidate : null);
    }

    public Task<bool> TryClaimAsync(FieldworkCandidate candidate, ContactStep step, DateTimeOffset until, CancellationToken cancellationToken)
    {
        Count();
        return Task.FromResult(Claim(candidate, step));
    }

    public Task<IReadOnlyList<ClaimOutcome>> TryClaimAllAsync(IReadOnlyList<(FieldworkCandidate Candidate, ContactStep Step)> claims,
        DateTimeOffset until, CancellationToken cancellationToken)
    {
        Count();
        BeforeClaims?.Invoke();
        BeforeClaims = null;
        Note("claim " + Ids(claims.Select(c => c.Candidate.Ref)));
        return Task.FromResult<IReadOnlyList<ClaimOutcome>>(claims.Select(c => Claim(c.Candidate, c.Step) ? ClaimOutcome.Claimed : ClaimOutcome.Busy).ToList());
    }

    private bool Claim(FieldworkCandidate candidate, ContactStep step)
    {
        var (stored, contact) = services[candidate.Ref];
        if (stored.Version != candidate.Version) return false;
        services[candidate.Ref] = (stored with { Version = $"v{++version}", ClaimedStep = step.Number }, contact);
        Claimed[candidate.Ref] = step.Number;
        return true;
    }

    public Task<ContactDetails?> GetContactAsync(ServiceRef service, CancellationToken cancellationToken)
    {
        Count();
        return Task.FromResult<ContactDetails?>(services[service].Contact);
    }

    /// <summary>The services whose contacts were read together, one list per read.</summary>
    public List<List<ServiceRef>> ContactReads { get; } = [];

    public Task<IReadOnlyDictionary<ServiceRef, ContactDetails>> GetContactsAsync(IReadOnlyList<ServiceRef> refs, CancellationToken cancellationToken)
    {
        Count();
        ContactReads.Add(refs.ToList());
        return Task.FromResult<IReadOnlyDictionary<ServiceRef, ContactDetails>>(refs.ToDictionary(r => r, r => services[r].Contact));
    }

    public Task RecordAsync(ContactAttempt attempt, ContactUpdate update, CancellationToken cancellationToken)
    {
        Count();
        Recorded.Add((attempt, update));
        return Task.CompletedTask;
    }

    public Task RecordAllAsync(IReadOnlyList<(ContactAttempt Attempt, ContactUpdate Update)> records, CancellationToken cancellationToken)
    {
        Count();
        Recorded.AddRange(records);
        return Task.CompletedTask;
    }

    public async Task RecordAttemptsAsync(IReadOnlyList<(ContactAttempt Attempt, ContactUpdate Update)> records, CancellationToken cancellationToken)
    {
        Count();
        await Task.Yield(); // a request: a caller that does not wait for it goes on before it is written
        lock (Log) Recorded.AddRange(records);
        Note("attempts " + Ids(records.Select(r => r.Attempt.Service)));
    }

    public async Task ApplyUpdatesAsync(IReadOnlyList<(ContactAttempt Attempt, ContactUpdate Update)> records, CancellationToken cancellationToken)
    {
        Count();
        Note("updating " + Ids(records.Select(r => r.Attempt.Service)));
        if (UpdateTime > TimeSpan.Zero) await Task.Delay(UpdateTime, cancellationToken);
        if (FailUpdates) throw new InvalidOperationException("injected: the services' updates failed");
        lock (Log) Updated.AddRange(records.Select(r => r.Attempt.Service));
        Note("updated " + Ids(records.Select(r => r.Attempt.Service)));
    }

    public Task ReleaseClaimsAsync(IReadOnlyList<ServiceRef> refs, CancellationToken cancellationToken)
    {
        Count();
        Released.AddRange(refs);
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<ContactAttempt> AttemptsAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var (attempt, _) in Recorded.ToList()) yield return attempt;
    }
}
