using Kto.Core.Access;
using Kto.Core.Fieldwork;
using Kto.Core.Keurmerk;
using Kto.Core.Population;
using Kto.Core.Questionnaires;
using Kto.Core.Settings;
using Kto.Core.Survey;
using Kto.Core.Tests.Fakes;
using Kto.Core.Tests.Interviews;
using Microsoft.Extensions.Time.Testing;

namespace Kto.Core.Tests.Survey;

/// <summary>
/// How many rows a questionnaire page reads, on fakes wired as the hosts wire the stores (the audience and
/// corrections views around the clients' and opdrachtgevers' stores): the token and the service, nothing more, unless
/// the service row says a correction or a response may exist (or is a row stored before it could say so).
/// </summary>
public sealed class SurveyPageReadsTests
{
    private const string Address = "198.51.100.7";
    private readonly InMemoryCorrectionStore corrections = new();
    private readonly InMemorySurveyData clients;
    private readonly InMemorySurveyData opdrachtgevers = new(SurveyAudience.Opdrachtgever) { WritesMarks = true };
    private readonly Dictionary<(string, TokenPurpose), ServiceRef> links = [];
    private readonly List<string> reads = [];
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));
    private readonly SurveyFormKey formKey = SurveyFormKey.From("test-form-key");

    public SurveyPageReadsTests() => clients = new InMemorySurveyData { WritesMarks = true, Corrections = corrections };

    private SurveyPageService Service() => new(
        new CountingTokens(links, reads),
        new AudienceSurveyServiceStore(
            new CorrectedSurveyServiceStore(new CountingServices(clients, reads), new CountingCorrections(corrections, reads)),
            new CountingServices(opdrachtgevers, reads)),
        new AudienceResponseStore(new CountingResponses(clients, reads), new CountingResponses(opdrachtgevers, reads)),
        new QuestionnaireCatalog(new QuestionnaireSettings()), new ContactPolicy(new FieldworkSettings()), formKey,
        new UnknownTokenLimiter(new SurveySettings(), time), time);

    private string Link(ServiceRef service, TokenPurpose purpose = TokenPurpose.Survey)
    {
        var (token, hash) = SurveyToken.New();
        links[(hash, purpose)] = service;
        return token;
    }

    private ServiceRef Client(string id = "s1", ServiceStatus status = ServiceStatus.Open) =>
        clients.Add(id, InMemorySurveyData.Contact("K-" + id), hasEmail: true, status: status);

    private static SurveyRequest Request(string token, TokenPurpose purpose = TokenPurpose.Survey) => new(token, "nl", Address, false, purpose);

    private Dictionary<string, string?> Form(string token, Dictionary<string, string?> answers)
    {
        answers[SurveyFormKey.FieldName] = formKey.For(SecretKeys.Hash(token));
        return answers;
    }

    [Fact]
    public async Task An_open_questionnaire_page_reads_two_rows_the_token_and_the_service()
    {
        var token = Link(Client());

        var page = await Service().OpenAsync(Request(token), default);

        Assert.Equal(SurveyPageState.Open, page.State);
        Assert.Equal(["token", "service"], reads);
    }

    [Fact]
    public async Task An_opdrachtgever_page_reads_two_rows_too()
    {
        var token = Link(opdrachtgevers.Add(OpdrachtgeverIds.Of("UWV"), InMemorySurveyData.Contact("UWV"), hasEmail: true));

        var page = await Service().OpenAsync(Request(token), default);

        Assert.Equal(SurveyPageState.Open, page.State);
        Assert.Equal(SurveyAudience.Opdrachtgever, page.Service!.Audience);
        Assert.Equal(["token", "service"], reads);
    }

    [Fact]
    public async Task An_answer_reads_the_token_and_the_service_once_before_it_is_stored_and_the_link_then_shows_it_answered()
    {
        var service = Client();
        var token = Link(service);

        var thanks = await Service().SubmitAsync(Request(token), Form(token, AnswerEntryServiceTests.Valid("7")), default);

        Assert.Equal(SurveyPageState.Thanks, thanks.State);
        Assert.Equal(["token", "service"], reads);
        Assert.Equal(7, clients.MarkedGrade(service));

        reads.Clear();
        Assert.Equal(SurveyPageState.AlreadyAnswered, (await Service().OpenAsync(Request(token), default)).State);
        Assert.Equal(["token", "service"], reads);
    }

    [Fact]
    public async Task An_opted_out_client_sees_the_opted_out_page_from_two_rows()
    {
        var token = Link(Client(status: ServiceStatus.OptedOut));

        Assert.Equal(SurveyPageState.OptedOut, (await Service().OpenAsync(Request(token), default)).State);
        Assert.Equal(["token", "service"], reads);
    }

    [Fact]
    public async Task A_withdrawn_service_is_marked_so_the_page_reads_its_corrections_and_shows_the_neutral_page()
    {
        var service = Client();
        var token = Link(service);
        await corrections.TryAddAsync(Withdrawal(service), default);

        var page = await Service().OpenAsync(Request(token), default);

        Assert.Equal(SurveyPageState.NotFound, page.State);
        Assert.Null(page.Service);
        Assert.Equal(["token", "service", "corrections"], reads);
    }

    [Fact]
    public async Task A_response_stored_before_a_crash_is_marked_so_the_page_still_finds_it_and_marks_the_service()
    {
        var service = Client();
        var token = Link(service);
        clients.AddResponseDirectly(Response(service, "9"));

        var page = await Service().OpenAsync(Request(token), default);

        Assert.Equal(SurveyPageState.AlreadyAnswered, page.State);
        Assert.Equal(9, clients.MarkedGrade(service));
        Assert.Equal(["token", "service", "response"], reads);
    }

    [Fact]
    public async Task A_row_stored_before_the_marks_existed_reads_corrections_and_response_as_before()
    {
        clients.WritesMarks = false;
        var open = Client("oud");
        var withdrawn = Client("weg");
        var answered = Client("crash");
        await corrections.TryAddAsync(Withdrawal(withdrawn), default);
        clients.AddResponseDirectly(Response(answered, "5"));

        Assert.Equal(SurveyPageState.Open, (await Service().OpenAsync(Request(Link(open)), default)).State);
        Assert.Equal(["token", "service", "corrections", "response"], reads);
        Assert.Equal(SurveyPageState.NotFound, (await Service().OpenAsync(Request(Link(withdrawn)), default)).State);
        Assert.Equal(SurveyPageState.AlreadyAnswered, (await Service().OpenAsync(Request(Link(answered)), default)).State);
        Assert.Equal(5, clients.MarkedGrade(answered));
    }

    private static ServiceCorrection Withdrawal(ServiceRef service) => new(service, 1, CorrectionKind.Withdrawn, CorrectionReason.WrongCompany, null,
        Perceel.NaarWerk, new DateOnly(service.Year, 6, 1), null, null, null, "piet@bureau.nl", DateTimeOffset.UtcNow);

    private StoredResponse Response(ServiceRef service, string grade) => new(service, Perceel.NaarWerk,
        AnswerValidator.Validate(new QuestionnaireCatalog(new QuestionnaireSettings()).For(SurveyAudience.Client), AnswerEntryServiceTests.Valid(grade)).Answers!,
        time.GetUtcNow());

    private sealed class CountingTokens(Dictionary<(string, TokenPurpose), ServiceRef> links, List<string> reads) : ISurveyTokenStore
    {
        public Task SaveAsync(string tokenHash, ServiceRef service, TokenPurpose purpose, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<ServiceRef?> FindAsync(string tokenHash, TokenPurpose purpose, CancellationToken cancellationToken)
        {
            reads.Add("token");
            return Task.FromResult(links.TryGetValue((tokenHash, purpose), out var service) ? service : (ServiceRef?)null);
        }
    }

    private sealed class CountingServices(ISurveyServiceStore inner, List<string> reads) : ISurveyServiceStore
    {
        public Task<ServiceSnapshot?> GetAsync(ServiceRef service, CancellationToken cancellationToken)
        {
            reads.Add("service");
            return inner.GetAsync(service, cancellationToken);
        }

        public Task<bool> MarkRespondedAsync(ServiceRef service, int? grade, CancellationToken cancellationToken) => inner.MarkRespondedAsync(service, grade, cancellationToken);
        public Task MarkOptedOutAsync(ServiceRef service, CancellationToken cancellationToken) => inner.MarkOptedOutAsync(service, cancellationToken);
    }

    private sealed class CountingResponses(IResponseStore inner, List<string> reads) : IResponseStore
    {
        public Task<bool> TryAddAsync(StoredResponse response, CancellationToken cancellationToken) => inner.TryAddAsync(response, cancellationToken);

        public Task<StoredResponse?> FindAsync(ServiceRef service, CancellationToken cancellationToken)
        {
            reads.Add("response");
            return inner.FindAsync(service, cancellationToken);
        }

        public IAsyncEnumerable<StoredResponse> ForYearAsync(string company, int year, CancellationToken cancellationToken) => inner.ForYearAsync(company, year, cancellationToken);
    }

    private sealed class CountingCorrections(ICorrectionStore inner, List<string> reads) : ICorrectionStore
    {
        public IAsyncEnumerable<ServiceCorrection> ForYearAsync(string company, int year, CancellationToken cancellationToken) => inner.ForYearAsync(company, year, cancellationToken);

        public Task<IReadOnlyList<ServiceCorrection>> ForServiceAsync(ServiceRef service, CancellationToken cancellationToken)
        {
            reads.Add("corrections");
            return inner.ForServiceAsync(service, cancellationToken);
        }

        public Task<bool> TryAddAsync(ServiceCorrection correction, CancellationToken cancellationToken) => inner.TryAddAsync(correction, cancellationToken);
        public Task<DeliveredService?> GetServiceAsync(ServiceRef service, CancellationToken cancellationToken) => inner.GetServiceAsync(service, cancellationToken);
        public IAsyncEnumerable<DeliveredService> ServicesAsync(string company, int year, CancellationToken cancellationToken) => inner.ServicesAsync(company, year, cancellationToken);
    }
}
