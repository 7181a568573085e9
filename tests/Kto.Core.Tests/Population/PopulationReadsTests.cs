using System.Runtime.CompilerServices;
using Kto.Core.Companies;
using Kto.Core.Fieldwork;
using Kto.Core.Forecast;
using Kto.Core.Population;
using Kto.Core.Portal;
using Kto.Core.Progress;
using Kto.Core.Questionnaires;
using Kto.Core.Reports;
using Kto.Core.Settings;
using Kto.Core.Survey;
using Kto.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;
using static Kto.Core.Tests.Reports.ReportFixtures;

namespace Kto.Core.Tests.Population;

/// <summary>
/// Issue 22.1: a company's year is read once (<see cref="PopulationReader"/>) for the report's draft (figures and open
/// answers), for the overview's count (progress and forecast) and for the Keurmerk count, wired as the hosts wire it:
/// every partition read is counted on one in-memory year.
/// </summary>
public class PopulationReadsTests
{
    private const string Company = "acme";
    private const int Year = 2026;
    private static readonly QuestionnaireCatalog Questionnaires = new(new QuestionnaireSettings());
    private static readonly ContactDetails Post = new("k1", "Sam", null, null, "Jansen", null, null, "Dorpsstraat 1", "1234 AB", "Utrecht");
    private static readonly ContactDetails Nothing = new("k2", "Kim", null, null, "Bakker", null, null, null, null, null);

    private readonly CountingYear year = new();
    private readonly FakeTimeProvider time = new(At(2027, 2, 10));

    // As the hosts wire it: the fieldwork store behind the corrections' decorator (which must pass the counted read on).
    private PopulationReader Reader() => new(year, year, new CorrectedFieldworkStore(year, year), year);

    private ReportFiguresService Figures() => new(Reader(), Questionnaires);

    public PopulationReadsTests()
    {
        // Four services: two with e-mail, one reachable by letter, one no route reaches; one withdrawn, one moved perceel.
        year.Add("s1", Perceel.NaarWerk, hasEmail: true);
        year.Add("s2", Perceel.NaarWerk, hasEmail: true);
        year.Add("s3", Perceel.NaarWerk, hasEmail: false, contact: Post);
        year.Add("s4", Perceel.NaarWerk, hasEmail: false, contact: Nothing);
        year.Add("s5", Perceel.NaarWerk, hasEmail: true);
        year.Correct("s5", CorrectionKind.Withdrawn, null);
        year.Correct("s2", CorrectionKind.Perceel, Perceel.Praktijkassessment);
        year.Attempt("s1");
        year.Attempt("s2");
        year.Respond("s1", 8, "Goed geholpen door Sam");
        year.Respond("s5", 3, "Teruggetrokken, telt niet");
    }

    [Fact]
    public async Task The_report_draft_of_a_company_reads_each_partition_once_for_its_figures_and_open_answers()
    {
        var archive = new InMemoryReportArchive();
        var companies = new InMemoryCompanyStore();
        await companies.TryAddAsync(new Company(Company, "Acme", At(2026, 1, 1)), "hash", default);
        var reports = ReportServices.Create(new ReportSettings(), new BureauSettings { Name = "Onderzoek BV", Membership = "VBO" }, Questionnaires,
            companies, archive, new RecordingReportRenderer(), new MarkingPdfSigner(), new OpenAnswersService(year, year, year, Questionnaires), year, time);
        var figures = Figures();

        // What the report run's activity per company does (AnnualReportOrchestration.DraftCompanyReport).
        var population = await figures.PopulationAsync(Company, Year, default);
        var counted = figures.Count(population).Percelen;
        await reports.Drafts.SaveDraftAsync(population, counted, time.GetUtcNow(), default);

        Assert.Equal(new Reads(Services: 1, Corrections: 1, Attempts: 1, Responses: 1, ContactBatches: 1, ContactRows: 0), year.Reads);
        var draft = (await archive.GetCurrentDraftAsync(Company, Year, default))!;
        var inputs = (await archive.ReadDraftInputsAsync(Company, Year, draft.Info.Id, default))!;
        var answer = Assert.Single(inputs.OpenAnswers!);
        Assert.Equal(Perceel.NaarWerk, answer.Perceel); // s5 is withdrawn: its answer is in no population
        var naarWerk = counted.Single(p => p.Perceel == Perceel.NaarWerk);
        Assert.Equal((3, 1, 1), (naarWerk.Ended, naarWerk.Responded, naarWerk.Unreachable));
        Assert.Equal(1, counted.Single(p => p.Perceel == Perceel.Praktijkassessment).Ended);
    }

    [Fact]
    public async Task The_overview_counts_progress_and_forecast_of_a_company_from_one_read()
    {
        var companies = new InMemoryCompanyStore();
        await companies.TryAddAsync(new Company(Company, "Acme", At(2026, 1, 1)), "hash", default);
        var reader = Reader();
        var forecasts = new ForecastService(reader, year, new ResponseForecaster(new ForecastSettings(), new ReportSettings(), new FieldworkSettings()), time);
        var overview = new BureauOverviewService(companies, year, new ProgressService(new ReportFiguresService(reader, Questionnaires)), new Snapshots(),
            new ReportSettings(), new PortalSettings(), time, forecasts);

        var snapshot = await overview.RefreshCompanyAsync(Company, Year, default);

        Assert.Equal(new Reads(Services: 1, Corrections: 1, Attempts: 1, Responses: 1, ContactBatches: 1, ContactRows: 0), year.Reads);
        Assert.Equal(3, snapshot.Percelen.Single(p => p.Perceel == PerceelNames.DisplayName(Perceel.NaarWerk)).Ended);
        Assert.NotNull(snapshot.Forecast);
    }

    [Fact]
    public async Task The_population_applies_the_corrections_and_keeps_only_routes_of_services_email_cannot_reach()
    {
        var population = await Reader().ReadAsync(Company, Year, default);

        Assert.Equal(["s1", "s2", "s3", "s4"], population.Services.Select(s => s.ServiceId).Order());
        Assert.Equal(Perceel.Praktijkassessment, population.Services.Single(s => s.ServiceId == "s2").Perceel);
        Assert.Equal(2, population.Corrections.Count);
        // Only the two without e-mail were looked up, both in one batch.
        Assert.Equal(["s3", "s4"], year.ContactsAskedFor.Order());
        Assert.Equal(OfflineRoute.Letter, population.Routes["s3"]);
        Assert.Equal(["s4"], population.Unreachable);
    }

    [Fact]
    public async Task A_year_without_services_reads_no_attempts_responses_or_contacts()
    {
        var empty = new CountingYear();
        var figures = new ReportFiguresService(new PopulationReader(empty, empty, empty, empty), Questionnaires);

        var counted = await figures.ForCompanyAsync(Company, Year, default);

        Assert.Equal(new Reads(Services: 1, Corrections: 1, Attempts: 0, Responses: 0, ContactBatches: 0, ContactRows: 0), empty.Reads);
        Assert.All(counted, p => Assert.Equal((0, null), (p.Ended, p.Unreachable)));
    }

    [Fact]
    public async Task Progress_by_month_and_the_keurmerk_count_read_the_services_once()
    {
        var progress = new ProgressService(Figures());

        var months = await progress.WithMonthsAsync(Company, Year, default);

        Assert.Equal(1, year.Reads.Services);
        Assert.Equal(4, months.Months.Sum(m => m.Ended));
        Assert.Equal(1, months.Months.Sum(m => m.Responded));
    }

    private sealed record Reads(int Services, int Corrections, int Attempts, int Responses, int ContactBatches, int ContactRows);

    /// <summary>One company's year behind every port the population read uses, counting each partition read.</summary>
    private sealed class CountingYear : IPopulationSource, ICorrectionStore, IFieldworkStore, IResponseStore, IDeliveryHistory, IReportSource,
        IClientIdentifierSource, IHiddenAnswerStore
    {
        private readonly List<(ReportServiceRow Row, ContactState State, ContactDetails? Contact)> services = [];
        private readonly List<ServiceCorrection> corrections = [];
        private readonly List<ContactAttempt> attempts = [];
        private readonly List<StoredResponse> responses = [];
        private int serviceReads, correctionReads, attemptReads, responseReads, contactBatches, contactRows;
        public List<string> ContactsAskedFor { get; } = [];

        public Reads Reads => new(serviceReads, correctionReads, attemptReads, responseReads, contactBatches, contactRows);

        private static ServiceRef Ref(string id) => new(Company, Year, id);

        public void Add(string id, Perceel perceel, bool hasEmail, ContactDetails? contact = null) =>
            services.Add((new ReportServiceRow(id, perceel, new DateOnly(Year, 3, 1 + services.Count), null),
                new ContactState(ServiceStatus.Open, hasEmail, false, hasEmail ? 1 : 0, null, null), contact));

        public void Correct(string id, CorrectionKind kind, Perceel? newPerceel) =>
            corrections.Add(new ServiceCorrection(Ref(id), corrections.Count(c => c.Service.ServiceId == id) + 1, kind, CorrectionReason.DeliveryError, null,
                Perceel.NaarWerk, new DateOnly(Year, 3, 1), newPerceel, null, null, "bureau-key", At(Year, 6, 1)));

        public void Attempt(string id) => attempts.Add(new ContactAttempt(Ref(id), ContactStep.Invitation, ContactMode.Email, At(Year, 4, 1), AttemptOutcome.Sent));

        public void Respond(string id, int grade, string good) =>
            responses.Add(new StoredResponse(Ref(id), Perceel.NaarWerk, new Answers(Questionnaires.Current.Version, new Dictionary<string, AnswerValue>
            {
                [Kto.Core.Questionnaires.Questionnaire.RapportcijferId] = new(grade),
                [Questionnaires.Current.Questions.First(q => q.Type == QuestionType.OpenText).Id] = new(Text: good),
            }), At(Year, 4, 2)));

        async IAsyncEnumerable<PopulationRow> IPopulationSource.ServicesAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            serviceReads++;
            foreach (var s in services) yield return new PopulationRow(s.Row, s.State);
            await Task.CompletedTask;
        }

        /// <summary>The older port reads the same partition: counted alike, so a second read by it shows.</summary>
        async IAsyncEnumerable<ReportServiceRow> IReportSource.ServicesAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            serviceReads++;
            foreach (var s in services) yield return s.Row;
            await Task.CompletedTask;
        }

        public async IAsyncEnumerable<FieldworkCandidate> CandidatesAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            serviceReads++;
            foreach (var s in services) yield return new FieldworkCandidate(Ref(s.Row.ServiceId), s.Row.Perceel, s.State, "v", null, null);
            await Task.CompletedTask;
        }

        async IAsyncEnumerable<ServiceCorrection> ICorrectionStore.ForYearAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            correctionReads++;
            foreach (var c in corrections) yield return c;
            await Task.CompletedTask;
        }

        /// <summary>The whole attempt rows: no counter of the population needs them (it reads <see cref="AttemptsToCountAsync"/>).</summary>
        public IAsyncEnumerable<ContactAttempt> AttemptsAsync(string company, int year, CancellationToken cancellationToken) =>
            throw new NotSupportedException("The population reads the attempts through AttemptsToCountAsync (only the columns it counts).");

        public async IAsyncEnumerable<ContactAttempt> AttemptsToCountAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            attemptReads++;
            foreach (var a in attempts) yield return a;
            await Task.CompletedTask;
        }

        async IAsyncEnumerable<StoredResponse> IResponseStore.ForYearAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            responseReads++;
            foreach (var r in responses) yield return r;
            await Task.CompletedTask;
        }

        public Task<ContactDetails?> GetContactAsync(ServiceRef service, CancellationToken cancellationToken)
        {
            contactRows++;
            return Task.FromResult(services.FirstOrDefault(s => s.Row.ServiceId == service.ServiceId).Contact);
        }

        public Task<IReadOnlyDictionary<ServiceRef, ContactDetails>> GetContactsAsync(IReadOnlyList<ServiceRef> refs, CancellationToken cancellationToken)
        {
            contactBatches++;
            ContactsAskedFor.AddRange(refs.Select(r => r.ServiceId));
            IReadOnlyDictionary<ServiceRef, ContactDetails> found = services
                .Where(s => s.Contact is not null && refs.Contains(Ref(s.Row.ServiceId)))
                .ToDictionary(s => Ref(s.Row.ServiceId), s => s.Contact!);
            return Task.FromResult(found);
        }

        public Task<IReadOnlyList<DeliveryEntry>> ListAsync(string company, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<DeliveryEntry>>([new DeliveryEntry("export.csv", At(Year, 3, 5), "done", 5, 5, 0, 0)]);

        Task<ClientIdentifiers> IClientIdentifierSource.ForYearAsync(string company, int year, CancellationToken cancellationToken) =>
            Task.FromResult(new ClientIdentifiers(new Dictionary<string, IReadOnlyList<string>>(), []));

        Task<IReadOnlyList<HiddenAnswer>> IHiddenAnswerStore.ListAsync(string company, int year, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<HiddenAnswer>>([]);

        public Task<(HiddenAnswer Record, bool Created)> AddAsync(string company, int year, HiddenAnswer answer, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<ServiceCorrection>> ForServiceAsync(ServiceRef service, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<bool> TryAddAsync(ServiceCorrection correction, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<DeliveredService?> GetServiceAsync(ServiceRef service, CancellationToken cancellationToken) => throw new NotSupportedException();
        IAsyncEnumerable<DeliveredService> ICorrectionStore.ServicesAsync(string company, int year, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<FieldworkCandidate?> GetAsync(ServiceRef service, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<bool> TryClaimAsync(FieldworkCandidate candidate, ContactStep step, DateTimeOffset until, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task RecordAsync(ContactAttempt attempt, ContactUpdate update, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<bool> TryAddAsync(StoredResponse response, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<StoredResponse?> FindAsync(ServiceRef service, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private sealed class Snapshots : IOverviewSnapshots
    {
        public Task<IReadOnlyList<OverviewSnapshot>> ForYearAsync(int year, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<OverviewSnapshot>>([]);
        public Task SaveAsync(OverviewSnapshot snapshot, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task RemoveAsync(string companyId, int year, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
