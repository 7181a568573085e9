using System.Runtime.CompilerServices;
using Kto.Core;
using Kto.Core.Fieldwork;
using Kto.Core.Survey;

namespace Kto.Core.Tests.Fakes;

/// <summary>
/// Services, contacts, attempts and responses in memory, behind the same ports as the Table stores: one response per
/// service (the first counts, like the row key), attempts in the order recorded. Made for opdrachtgevers it stands for
/// their tables (candidates and snapshots of that audience).
/// </summary>
public sealed class InMemorySurveyData(SurveyAudience audience = SurveyAudience.Client) : IFieldworkStore, IResponseStore, ISurveyServiceStore
{
    private readonly Dictionary<ServiceRef, (Perceel Perceel, ContactState State)> services = [];
    private readonly Dictionary<ServiceRef, ContactDetails> contacts = [];
    private readonly Dictionary<ServiceRef, StoredResponse> responses = [];
    private readonly Dictionary<ServiceRef, int?> marked = [];
    private readonly HashSet<ServiceRef> responseMarks = [];

    /// <summary>
    /// True: rows as written since the service row carries its marks, so a snapshot says whether a response or a
    /// correction may exist (a response is marked as it is added, a correction when <see cref="Corrections"/> has one).
    /// False (the default): rows stored before the marks, whose snapshot says both may exist.
    /// </summary>
    public bool WritesMarks { get; set; }

    /// <summary>The corrections whose existence marks a service, when <see cref="WritesMarks"/>.</summary>
    public InMemoryCorrectionStore? Corrections { get; init; }

    public List<ContactAttempt> Attempts { get; } = [];

    /// <summary>Runs just before a response is added: lets a test play the client answering online in between.</summary>
    public Action<ServiceRef>? BeforeAdd { get; set; }

    public ServiceRef Add(string id, ContactDetails contact, bool hasEmail = false, ServiceStatus status = ServiceStatus.Open,
        Perceel perceel = Perceel.NaarWerk, string company = "acme", int year = 2026, bool bounced = false)
    {
        var service = new ServiceRef(company, year, id);
        services[service] = (perceel, new ContactState(status, hasEmail, bounced, 0, null, null));
        contacts[service] = contact;
        return service;
    }

    public static ContactDetails Contact(string klantnummer, string? telefoon = "0612345678", string? adres = null, string? postcode = null) =>
        new(klantnummer, "Sam", null, null, "Jansen", null, telefoon, adres, postcode, adres is null ? null : "Utrecht");

    public int? MarkedGrade(ServiceRef service) => marked.GetValueOrDefault(service);

    public bool IsMarked(ServiceRef service) => marked.ContainsKey(service);

    public void Call(ServiceRef service, AttemptOutcome outcome, DateTimeOffset at, DateTimeOffset? callBackAt = null) =>
        Attempts.Add(new ContactAttempt(service, new ContactStep(0), ContactMode.Phone, at, outcome, CallBackAt: callBackAt));

    /// <summary>A response stored without its service marked responded (a crash between the two); its row mark is set, as storage sets it first.</summary>
    public void AddResponseDirectly(StoredResponse response)
    {
        responseMarks.Add(response.Service);
        responses[response.Service] = response;
    }

    // IFieldworkStore
    public async IAsyncEnumerable<FieldworkCandidate> CandidatesAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var (service, (perceel, state)) in services.Where(s => s.Key.Company == company && s.Key.Year == year).ToList())
            yield return new FieldworkCandidate(service, perceel, state, "v", null, null, audience);
        await Task.CompletedTask;
    }

    public Task<FieldworkCandidate?> GetAsync(ServiceRef service, CancellationToken cancellationToken) =>
        Task.FromResult(services.TryGetValue(service, out var s) ? new FieldworkCandidate(service, s.Perceel, s.State, "v", null, null, audience) : null);

    public Task<bool> TryClaimAsync(FieldworkCandidate candidate, ContactStep step, DateTimeOffset until, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task<ContactDetails?> GetContactAsync(ServiceRef service, CancellationToken cancellationToken) =>
        Task.FromResult(contacts.GetValueOrDefault(service));

    public Task RecordAsync(ContactAttempt attempt, ContactUpdate update, CancellationToken cancellationToken)
    {
        Attempts.Add(attempt);
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<ContactAttempt> AttemptsAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var a in Attempts.Where(a => a.Service.Company == company && a.Service.Year == year).ToList()) yield return a;
        await Task.CompletedTask;
    }

    /// <summary>Create-only by service, step, mode and outcome, as the table's row key.</summary>
    public Task<bool> TryRecordOnceAsync(ContactAttempt attempt, ContactUpdate update, CancellationToken cancellationToken)
    {
        if (Attempts.Any(a => a.Service == attempt.Service && a.Step == attempt.Step && a.Mode == attempt.Mode && a.Outcome == attempt.Outcome))
            return Task.FromResult(false);
        Attempts.Add(attempt);
        return Task.FromResult(true);
    }

    // IResponseStore
    public Task<bool> TryAddAsync(StoredResponse response, CancellationToken cancellationToken)
    {
        responseMarks.Add(response.Service);
        BeforeAdd?.Invoke(response.Service);
        return Task.FromResult(responses.TryAdd(response.Service, response));
    }

    public Task<StoredResponse?> FindAsync(ServiceRef service, CancellationToken cancellationToken) =>
        Task.FromResult(responses.GetValueOrDefault(service));

    public async IAsyncEnumerable<StoredResponse> ForYearAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var r in responses.Values.Where(r => r.Service.Company == company && r.Service.Year == year).ToList()) yield return r;
        await Task.CompletedTask;
    }

    // ISurveyServiceStore
    Task<ServiceSnapshot?> ISurveyServiceStore.GetAsync(ServiceRef service, CancellationToken cancellationToken) =>
        Task.FromResult(services.TryGetValue(service, out var s)
            ? new ServiceSnapshot(service, s.Perceel, new DateOnly(service.Year, 6, 1), marked.ContainsKey(service) ? ServiceStatus.Responded : s.State.Status, "Acme", audience,
                MayHaveCorrections: !WritesMarks || (Corrections?.All.Any(c => c.Service == service) ?? false),
                MayHaveResponse: !WritesMarks || responseMarks.Contains(service))
            : null);

    public Task<bool> MarkRespondedAsync(ServiceRef service, int? grade, CancellationToken cancellationToken) =>
        Task.FromResult(marked.TryAdd(service, grade));

    public Task MarkOptedOutAsync(ServiceRef service, CancellationToken cancellationToken)
    {
        var s = services[service];
        services[service] = (s.Perceel, s.State with { Status = ServiceStatus.OptedOut });
        return Task.CompletedTask;
    }
}
