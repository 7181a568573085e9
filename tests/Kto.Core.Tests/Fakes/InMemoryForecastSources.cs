using System.Runtime.CompilerServices;
using Kto.Core;
using Kto.Core.Fieldwork;
using Kto.Core.Portal;
using Kto.Core.Questionnaires;
using Kto.Core.Reports;
using Kto.Core.Survey;

namespace Kto.Core.Tests.Fakes;

/// <summary>One company's year behind every port the forecast reads: services, their states and contacts, attempts, responses, deliveries.</summary>
public sealed class InMemoryForecastSources : IReportSource, IFieldworkStore, IResponseStore, IDeliveryHistory
{
    private readonly List<ReportServiceRow> services = [];
    private readonly Dictionary<string, (Perceel Perceel, ContactState State, ContactDetails Contact)> states = [];
    public List<ContactAttempt> Attempts { get; } = [];
    public List<StoredResponse> Responses { get; } = [];
    public List<DeliveryEntry> Deliveries { get; } = [];
    public int ContactReads { get; private set; }

    public string Company { get; init; } = "acme";
    public int Year { get; init; } = 2026;

    public ServiceRef Ref(string id) => new(Company, Year, id);

    /// <summary>A service with its state; <paramref name="contact"/> decides the offline route (letter with an address, phone with only a number).</summary>
    public void Add(string id, Perceel perceel, DateOnly einddatum, ContactState state, ContactDetails contact)
    {
        services.Add(new ReportServiceRow(id, perceel, einddatum, null));
        states[id] = (perceel, state, contact);
    }

    public void Attempt(string id, ContactMode mode, DateTimeOffset at, AttemptOutcome outcome = AttemptOutcome.Sent, int step = 0) =>
        Attempts.Add(new ContactAttempt(Ref(id), new ContactStep(step), mode, at, outcome));

    public void Respond(string id, Perceel perceel, DateTimeOffset at, int grade, ResponseMode mode = ResponseMode.Web) =>
        Responses.Add(new StoredResponse(Ref(id), perceel, new Answers(new QuestionnaireCatalog(new QuestionnaireSettings()).Current.Version,
            new Dictionary<string, AnswerValue> { [Questionnaire.RapportcijferId] = new(grade) }), at, mode));

    public void Delivered(DateTimeOffset at, string? status = "done") => Deliveries.Add(new DeliveryEntry($"export-{Deliveries.Count}.csv", at, status, 1, 1, 0, 0));

    public async IAsyncEnumerable<ReportServiceRow> ServicesAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var s in services.Where(_ => company == Company && year == Year)) yield return s;
        await Task.CompletedTask;
    }

    public async IAsyncEnumerable<FieldworkCandidate> CandidatesAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var (id, s) in states.Where(_ => company == Company && year == Year)) yield return new FieldworkCandidate(Ref(id), s.Perceel, s.State, "v", null, null);
        await Task.CompletedTask;
    }

    public Task<FieldworkCandidate?> GetAsync(ServiceRef service, CancellationToken cancellationToken) =>
        Task.FromResult(states.TryGetValue(service.ServiceId, out var s) ? new FieldworkCandidate(service, s.Perceel, s.State, "v", null, null) : null);

    public Task<bool> TryClaimAsync(FieldworkCandidate candidate, ContactStep step, DateTimeOffset until, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task<ContactDetails?> GetContactAsync(ServiceRef service, CancellationToken cancellationToken)
    {
        ContactReads++;
        return Task.FromResult(states.TryGetValue(service.ServiceId, out var s) ? s.Contact : null);
    }

    public Task RecordAsync(ContactAttempt attempt, ContactUpdate update, CancellationToken cancellationToken) => throw new NotSupportedException("the forecast only reads");

    public async IAsyncEnumerable<ContactAttempt> AttemptsAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var a in Attempts.Where(a => a.Service.Company == company && a.Service.Year == year)) yield return a;
        await Task.CompletedTask;
    }

    public Task<bool> TryAddAsync(StoredResponse response, CancellationToken cancellationToken) => throw new NotSupportedException("the forecast only reads");

    public Task<StoredResponse?> FindAsync(ServiceRef service, CancellationToken cancellationToken) =>
        Task.FromResult(Responses.FirstOrDefault(r => r.Service == service));

    public async IAsyncEnumerable<StoredResponse> ForYearAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var r in Responses.Where(r => r.Service.Company == company && r.Service.Year == year)) yield return r;
        await Task.CompletedTask;
    }

    public Task<IReadOnlyList<DeliveryEntry>> ListAsync(string company, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DeliveryEntry>>(company == Company ? Deliveries.ToList() : []);
}
