using Kto.Core.Access;
using Kto.Core.Fieldwork;
using Kto.Core.Questionnaires;
using Kto.Core.Settings;
using Kto.Core.Survey;
using Kto.Core.Tests.Fakes;
using Kto.Core.Tests.Interviews;
using Microsoft.Extensions.Time.Testing;

namespace Kto.Core.Tests.Survey;

/// <summary>
/// What a personal link shows and does, on fakes: the order of checks (shape, form field, token, state), what a token
/// of each purpose may do, one answer per service, and the unknown-link limit that never locks out a known link.
/// </summary>
public sealed class SurveyPageServiceTests
{
    private const string Address = "198.51.100.7";
    private readonly InMemorySurveyData data = new();
    private readonly InMemoryTokens tokens = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));
    private readonly SurveyFormKey formKey = SurveyFormKey.From("test-form-key");
    private readonly SurveySettings settings = new() { UnknownTokensPerMinute = 3 };
    private readonly UnknownTokenLimiter limiter;

    public SurveyPageServiceTests() => limiter = new UnknownTokenLimiter(settings, time);

    private SurveyPageService Service() => new(tokens, data, data, new QuestionnaireCatalog(new QuestionnaireSettings()),
        new ContactPolicy(new FieldworkSettings()), formKey, limiter, time);

    private (ServiceRef Service, string Token) Link(TokenPurpose purpose = TokenPurpose.Survey, ServiceStatus status = ServiceStatus.Open,
        int year = 2026, string id = "s1")
    {
        var service = data.Add(id, InMemorySurveyData.Contact("K-" + id), hasEmail: true, status: status, year: year);
        var (token, hash) = SurveyToken.New();
        tokens.Saved[(hash, purpose)] = service;
        return (service, token);
    }

    private static SurveyRequest Request(string? token, TokenPurpose purpose = TokenPurpose.Survey, bool crossSite = false) =>
        new(token, "nl", Address, crossSite, purpose);

    private Dictionary<string, string?> Form(string token, Dictionary<string, string?>? answers = null)
    {
        var form = answers ?? AnswerEntryServiceTests.Valid();
        form[SurveyFormKey.FieldName] = formKey.For(SecretKeys.Hash(token));
        return form;
    }

    [Fact]
    public async Task A_known_link_opens_the_questionnaire_with_its_form_field_and_the_closing_date()
    {
        var (service, token) = Link();

        var page = await Service().OpenAsync(Request(token), default);

        Assert.Equal(SurveyPageState.Open, page.State);
        Assert.Equal(token, page.Token);
        Assert.Null(page.OptOutToken);
        Assert.Equal(service, page.Service!.Ref);
        Assert.NotNull(page.Questionnaire);
        Assert.Equal(formKey.For(SecretKeys.Hash(token)), page.FormKey);
        Assert.Equal(new DateOnly(2027, 1, 31), page.FieldworkCloses);
    }

    [Fact]
    public async Task An_unknown_or_malformed_link_gets_the_one_neutral_page_without_any_service()
    {
        var unknown = await Service().OpenAsync(Request(SurveyToken.New().Token), default);
        var malformed = await Service().OpenAsync(Request("kort"), default);

        Assert.All([unknown, malformed], page =>
        {
            Assert.Equal(SurveyPageState.NotFound, page.State);
            Assert.Null(page.Service);
            Assert.Null(page.Token);
            Assert.Null(page.FormKey);
        });
        Assert.Equal(0, tokens.Lookups); // the malformed one never reached storage; the unknown one was looked up once, in vain
        Assert.Equal(1, tokens.AllLookups);
    }

    [Fact]
    public async Task After_the_limit_of_misses_an_address_gets_429_with_the_wait_but_a_known_link_still_opens()
    {
        var (_, token) = Link();
        for (var i = 0; i < settings.UnknownTokensPerMinute; i++)
            Assert.Equal(SurveyPageState.NotFound, (await Service().OpenAsync(Request(SurveyToken.New().Token), default)).State);

        var refused = await Service().OpenAsync(Request(SurveyToken.New().Token), default);
        Assert.Equal(SurveyPageState.TooManyRequests, refused.State);
        Assert.Equal(TimeSpan.FromMinutes(1), refused.RetryAfter);
        Assert.Equal(SurveyPageState.TooManyRequests, Service().Precheck(Request("kort"))!.State);

        Assert.Equal(SurveyPageState.Open, (await Service().OpenAsync(Request(token), default)).State);
    }

    [Fact]
    public async Task The_precheck_passes_a_well_formed_token_and_counts_a_malformed_one_as_a_miss()
    {
        Assert.Null(Service().Precheck(Request(SurveyToken.New().Token)));
        Assert.Null(limiter.RetryAfter(Address));

        for (var i = 0; i < settings.UnknownTokensPerMinute; i++)
            Assert.Equal(SurveyPageState.NotFound, Service().Precheck(Request("kort"))!.State);
        Assert.NotNull(limiter.RetryAfter(Address));
    }

    [Fact]
    public async Task Only_a_survey_token_opens_or_answers_the_questionnaire()
    {
        var (_, optOut) = Link(TokenPurpose.OptOut);

        await Assert.ThrowsAsync<ArgumentException>(() => Service().OpenAsync(Request(optOut, TokenPurpose.OptOut), default));
        await Assert.ThrowsAsync<ArgumentException>(() => Service().SubmitAsync(Request(optOut, TokenPurpose.OptOut), Form(optOut), default));
        // Presented as a survey token, an opt-out token is unknown.
        Assert.Equal(SurveyPageState.NotFound, (await Service().OpenAsync(Request(optOut), default)).State);
    }

    [Fact]
    public async Task A_valid_answer_is_stored_once_marks_the_service_with_its_grade_and_says_thanks()
    {
        var (service, token) = Link();

        var page = await Service().SubmitAsync(Request(token), Form(token, AnswerEntryServiceTests.Valid("7")), default);

        Assert.Equal(SurveyPageState.Thanks, page.State);
        var stored = await data.FindAsync(service, default);
        Assert.Equal(7, stored!.Answers.Rapportcijfer);
        Assert.Equal(time.GetUtcNow(), stored.SubmittedAt);
        Assert.Equal(7, data.MarkedGrade(service));
    }

    [Fact]
    public async Task A_second_submit_keeps_the_first_answer_and_says_already_answered()
    {
        var (service, token) = Link();
        await Service().SubmitAsync(Request(token), Form(token, AnswerEntryServiceTests.Valid("7")), default);

        var again = await Service().SubmitAsync(Request(token), Form(token, AnswerEntryServiceTests.Valid("3")), default);

        Assert.Equal(SurveyPageState.AlreadyAnswered, again.State);
        Assert.Equal(7, (await data.FindAsync(service, default))!.Answers.Rapportcijfer);
        Assert.Equal(SurveyPageState.AlreadyAnswered, (await Service().OpenAsync(Request(token), default)).State);
    }

    [Fact]
    public async Task The_same_answers_sent_again_get_the_thank_you_page_the_first_got_and_are_stored_once()
    {
        var (service, token) = Link();
        var first = await Service().SubmitAsync(Request(token), Form(token, AnswerEntryServiceTests.Valid("7")), default);
        var stored = await data.FindAsync(service, default);

        // A double click: the browser shows the second answer's page.
        var again = await Service().SubmitAsync(Request(token), Form(token, AnswerEntryServiceTests.Valid("7")), default);

        Assert.Equal((SurveyPageState.Thanks, SurveyPageState.Thanks), (first.State, again.State));
        Assert.Same(stored, await data.FindAsync(service, default));
        // A different text only (an open answer is stored redacted, so texts are not compared) is still the same answers.
        var text = AnswerEntryServiceTests.Valid("7");
        text["open-goed"] = "Fijn geholpen door mijn begeleider";
        Assert.Equal(SurveyPageState.Thanks, (await Service().SubmitAsync(Request(token), Form(token, text), default)).State);
        // Without the text, or with another "weet niet", it is not.
        var noText = AnswerEntryServiceTests.Valid("7");
        noText.Remove("open-goed");
        Assert.Equal(SurveyPageState.AlreadyAnswered, (await Service().SubmitAsync(Request(token), Form(token, noText), default)).State);
        var otherDontKnow = AnswerEntryServiceTests.Valid("7");
        otherDontKnow["begeleider-bereikbaar"] = "3";
        Assert.Equal(SurveyPageState.AlreadyAnswered, (await Service().SubmitAsync(Request(token), Form(token, otherDontKnow), default)).State);
    }

    [Fact]
    public async Task A_response_stored_before_a_crash_finishes_the_service_when_the_link_is_opened_again()
    {
        var (service, token) = Link();
        data.AddResponseDirectly(new StoredResponse(service, Perceel.NaarWerk,
            AnswerValidator.Validate(new QuestionnaireCatalog(new QuestionnaireSettings()).For(SurveyAudience.Client), AnswerEntryServiceTests.Valid("9")).Answers!,
            time.GetUtcNow()));

        Assert.Equal(SurveyPageState.AlreadyAnswered, (await Service().OpenAsync(Request(token), default)).State);
        Assert.Equal(9, data.MarkedGrade(service));
    }

    [Fact]
    public async Task An_invalid_answer_stores_nothing_and_shows_the_errors_with_what_was_entered()
    {
        var (service, token) = Link();
        var answers = AnswerEntryServiceTests.Valid("11");

        var page = await Service().SubmitAsync(Request(token), Form(token, answers), default);

        Assert.Equal(SurveyPageState.Open, page.State);
        Assert.Contains(page.Errors, e => e.QuestionId == "rapportcijfer");
        Assert.Equal("11", page.Entered["rapportcijfer"]);
        Assert.Equal("Goed geholpen", page.Entered["open-goed"]);
        Assert.Null(await data.FindAsync(service, default));
        Assert.False(data.IsMarked(service));
    }

    [Fact]
    public async Task A_post_without_our_form_field_or_from_another_site_is_rejected_before_any_lookup()
    {
        var (service, token) = Link();
        var withoutField = AnswerEntryServiceTests.Valid();
        var otherToken = Form(SurveyToken.New().Token);

        Assert.Equal(SurveyPageState.Rejected, (await Service().SubmitAsync(Request(token), withoutField, default)).State);
        Assert.Equal(SurveyPageState.Rejected, (await Service().SubmitAsync(Request(token), otherToken, default)).State);
        Assert.Equal(SurveyPageState.Rejected, (await Service().SubmitAsync(Request(token, crossSite: true), Form(token), default)).State);
        Assert.Equal(SurveyPageState.Rejected, (await Service().OptOutAsync(Request(token), new Dictionary<string, string?>(), default)).State);

        Assert.Equal(0, tokens.AllLookups);
        Assert.Null(await data.FindAsync(service, default));
    }

    [Fact]
    public async Task No_answer_is_taken_after_fieldwork_has_closed()
    {
        var (service, token) = Link(year: 2025);

        Assert.Equal(SurveyPageState.FieldworkClosed, (await Service().OpenAsync(Request(token), default)).State);
        Assert.Equal(SurveyPageState.FieldworkClosed, (await Service().SubmitAsync(Request(token), Form(token), default)).State);
        Assert.Null(await data.FindAsync(service, default));
    }

    [Fact]
    public async Task An_opted_out_client_sees_that_and_cannot_answer()
    {
        var (service, token) = Link(status: ServiceStatus.OptedOut);

        Assert.Equal(SurveyPageState.OptedOut, (await Service().OpenAsync(Request(token), default)).State);
        Assert.Equal(SurveyPageState.OptedOut, (await Service().SubmitAsync(Request(token), Form(token), default)).State);
        Assert.Null(await data.FindAsync(service, default));
    }

    [Fact]
    public async Task Opening_an_opt_out_link_only_asks_and_the_form_post_opts_out()
    {
        var (service, optOut) = Link(TokenPurpose.OptOut);

        var confirm = await Service().OpenOptOutAsync(Request(optOut, TokenPurpose.OptOut), default);
        Assert.Equal(SurveyPageState.OptOutConfirm, confirm.State);
        Assert.Equal(optOut, confirm.OptOutToken);
        Assert.Null(confirm.Token); // an opt-out token never becomes a questionnaire link
        Assert.Equal(ServiceStatus.Open, (await ((ISurveyServiceStore)data).GetAsync(service, default))!.Status);

        var done = await Service().OptOutAsync(Request(optOut, TokenPurpose.OptOut), Form(optOut, []), default);

        Assert.Equal(SurveyPageState.OptedOut, done.State);
        Assert.Equal(ServiceStatus.OptedOut, (await ((ISurveyServiceStore)data).GetAsync(service, default))!.Status);
        Assert.Equal(SurveyPageState.OptedOut, (await Service().OpenOptOutAsync(Request(optOut, TokenPurpose.OptOut), default)).State);
    }

    [Fact]
    public async Task A_mail_providers_one_click_post_opts_out_without_our_form_field()
    {
        var (service, optOut) = Link(TokenPurpose.OptOut);
        var oneClick = new Dictionary<string, string?> { [SurveyPageService.OneClickField] = SurveyPageService.OneClickValue };

        Assert.Equal(SurveyPageState.OptedOut, (await Service().OptOutAsync(Request(optOut, TokenPurpose.OptOut), oneClick, default)).State);
        Assert.Equal(ServiceStatus.OptedOut, (await ((ISurveyServiceStore)data).GetAsync(service, default))!.Status);
    }

    [Fact]
    public async Task A_one_click_body_with_another_value_still_needs_our_form_field()
    {
        var (service, optOut) = Link(TokenPurpose.OptOut);
        var notOneClick = new Dictionary<string, string?> { [SurveyPageService.OneClickField] = "one-click" };

        Assert.Equal(SurveyPageState.Rejected, (await Service().OptOutAsync(Request(optOut, TokenPurpose.OptOut), notOneClick, default)).State);
        Assert.Equal(ServiceStatus.Open, (await ((ISurveyServiceStore)data).GetAsync(service, default))!.Status);
    }

    /// <summary>Token hashes by purpose, counting lookups (a refused request must not reach storage).</summary>
    private sealed class InMemoryTokens : ISurveyTokenStore
    {
        public Dictionary<(string Hash, TokenPurpose Purpose), ServiceRef> Saved { get; } = [];
        public int Lookups { get; private set; }
        public int AllLookups { get; private set; }

        public Task SaveAsync(string tokenHash, ServiceRef service, TokenPurpose purpose, CancellationToken cancellationToken)
        {
            Saved[(tokenHash, purpose)] = service;
            return Task.CompletedTask;
        }

        public Task<ServiceRef?> FindAsync(string tokenHash, TokenPurpose purpose, CancellationToken cancellationToken)
        {
            AllLookups++;
            if (Saved.TryGetValue((tokenHash, purpose), out var service)) { Lookups++; return Task.FromResult<ServiceRef?>(service); }
            return Task.FromResult<ServiceRef?>(null);
        }
    }
}
