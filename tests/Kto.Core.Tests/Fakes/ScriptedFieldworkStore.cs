using System.Runtime.CompilerServices;
using Kto.Core.Fieldwork;
using Kto.Core.Survey;

namespace Kto.Core.Tests.Fakes;

/// <summary>
/// Services with any contact state (steps done, bounced, claimed, opdrachtgevers), their contacts and attempts in memory.
/// Besides what every store must it implements only releasing claims and recording by hand, so the interface's own batch
/// and filter methods (claims one by one, contacts one by one, records one by one, the offline filter) run as written. A
/// test may make a claim, a contact read, a record write or a release fail; like the Table client, a write with a
/// cancelled token throws. A record by hand is create-only by service, step, mode and outcome, and moves the service on.
/// </summary>
public sealed class ScriptedFieldworkStore : IFieldworkStore
{
    private readonly Dictionary<ServiceRef, FieldworkCandidate> services = [];
    private readonly Dictionary<ServiceRef, ContactDetails> contacts = [];

    public List<ContactAttempt> Attempts { get; } = [];
    public List<(ContactAttempt Attempt, ContactUpdate Update)> Recorded { get; } = [];
    public List<(ServiceRef Service, ContactStep Step, DateTimeOffset Until)> Claims { get; } = [];

    /// <summary>Claims of these services are refused: the service changed since it was read.</summary>
    public HashSet<ServiceRef> BusyClaims { get; } = [];

    /// <summary>Claims of these services throw: storage failed.</summary>
    public HashSet<ServiceRef> FailingClaims { get; } = [];

    /// <summary>Contact reads of these services throw.</summary>
    public HashSet<ServiceRef> FailingContacts { get; } = [];

    /// <summary>True: the next record by hand finds the same record written a moment ago by another instance.</summary>
    public bool RecordOnceRace { get; set; }

    public int ContactReads { get; private set; }

    /// <summary>How many of the next record writes throw (storage unavailable).</summary>
    public int FailRecords { get; set; }

    /// <summary>Releasing claims throws.</summary>
    public bool FailRelease { get; set; }

    /// <summary>Every call to release claims, with the services it released.</summary>
    public List<IReadOnlyList<ServiceRef>> Releases { get; } = [];

    public ServiceRef Add(string id, ContactDetails? contact = null, ServiceStatus status = ServiceStatus.Open, bool hasEmail = false,
        bool bounced = false, int steps = 0, Perceel perceel = Perceel.NaarWerk, SurveyAudience audience = SurveyAudience.Client,
        string company = "acme", int year = 2026, int? claimedStep = null, DateTimeOffset? claimedUntil = null)
    {
        var service = new ServiceRef(company, year, id);
        services[service] = new FieldworkCandidate(service, perceel, new ContactState(status, hasEmail, bounced, steps, null, null), "v",
            claimedStep, claimedUntil, audience);
        if (contact is not null) contacts[service] = contact;
        return service;
    }

    public ContactState StateOf(ServiceRef service) => services[service].State;

    public async IAsyncEnumerable<FieldworkCandidate> CandidatesAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var candidate in services.Values.Where(c => c.Ref.Company == company && c.Ref.Year == year).ToList())
            yield return candidate;
        await Task.CompletedTask;
    }

    public Task<FieldworkCandidate?> GetAsync(ServiceRef service, CancellationToken cancellationToken) =>
        Task.FromResult(services.GetValueOrDefault(service));

    public Task<bool> TryClaimAsync(FieldworkCandidate candidate, ContactStep step, DateTimeOffset until, CancellationToken cancellationToken)
    {
        if (FailingClaims.Contains(candidate.Ref)) throw new IOException("table unavailable");
        if (BusyClaims.Contains(candidate.Ref)) return Task.FromResult(false);
        Claims.Add((candidate.Ref, step, until));
        return Task.FromResult(true);
    }

    public Task<ContactDetails?> GetContactAsync(ServiceRef service, CancellationToken cancellationToken)
    {
        ContactReads++;
        if (FailingContacts.Contains(service)) throw new IOException("table unavailable");
        return Task.FromResult(contacts.GetValueOrDefault(service));
    }

    public Task RecordAsync(ContactAttempt attempt, ContactUpdate update, CancellationToken cancellationToken)
    {
        // As the Table client: a cancelled token fails the write.
        cancellationToken.ThrowIfCancellationRequested();
        if (FailRecords > 0) { FailRecords--; throw new IOException("table unavailable"); }
        Attempts.Add(attempt);
        Recorded.Add((attempt, update));
        return Task.CompletedTask;
    }

    public Task ReleaseClaimsAsync(IReadOnlyList<ServiceRef> services, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (FailRelease) throw new IOException("table unavailable");
        Releases.Add(services);
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<ContactAttempt> AttemptsAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var attempt in Attempts.Where(a => a.Service.Company == company && a.Service.Year == year).ToList())
            yield return attempt;
        await Task.CompletedTask;
    }

    public Task<bool> TryRecordOnceAsync(ContactAttempt attempt, ContactUpdate update, CancellationToken cancellationToken)
    {
        if (RecordOnceRace || Attempts.Any(a => a.Service == attempt.Service && a.Step == attempt.Step && a.Mode == attempt.Mode && a.Outcome == attempt.Outcome))
            return Task.FromResult(false);
        Attempts.Add(attempt);
        Recorded.Add((attempt, update));
        var candidate = services[attempt.Service];
        if (update.StepsSent is { } steps)
            services[attempt.Service] = candidate with { State = candidate.State with { StepsSent = steps } };
        return Task.FromResult(true);
    }
}
