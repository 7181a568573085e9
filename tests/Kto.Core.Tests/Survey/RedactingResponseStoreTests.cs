using Kto.Core.Questionnaires;
using Kto.Core.Reports;
using Kto.Core.Settings;
using Kto.Core.Survey;
using Kto.Core.Tests.Fakes;

namespace Kto.Core.Tests.Survey;

/// <summary>
/// Privacy at rest: an open answer is redacted as it is stored, whatever the door, with the writer's own name and
/// every klantnummer of the company; the other answers are kept as given, and no identifiers are read when there is
/// no open text to redact.
/// </summary>
public sealed class RedactingResponseStoreTests
{
    private static readonly QuestionnaireCatalog Catalog = new(new QuestionnaireSettings());
    private static readonly Questionnaire Client = Catalog.For(SurveyAudience.Client);
    private static readonly string OpenId = Client.Questions.First(q => q.Type == QuestionType.OpenText).Id;
    private static readonly ServiceRef Service = new("acme", 2026, "S1");
    private readonly InMemoryOpenAnswerSources inner = new();
    private readonly CountingIdentifiers identifiers;

    public RedactingResponseStoreTests()
    {
        inner.NameParts["S1"] = ["Sam", "Verhoeven"];
        inner.Klantnummers.AddRange(["K123456", "K654321"]);
        identifiers = new CountingIdentifiers(inner);
    }

    private RedactingResponseStore Store() => new(inner, identifiers, Catalog);

    private static StoredResponse Response(string? openText, string version = "", int grade = 8) =>
        new(Service, Perceel.NaarWerk, new Answers(version == "" ? Client.Version : version, new Dictionary<string, AnswerValue>
        {
            [Questionnaire.RapportcijferId] = new(grade),
            [OpenId] = new(Text: openText),
        }), new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task An_open_answer_is_stored_without_the_writers_name_phone_or_any_klantnummer_and_the_rest_as_given()
    {
        Assert.True(await Store().TryAddAsync(Response("Ik ben Sam Verhoeven (K654321), bel 06-12345678. Goede begeleiding!"), default));

        var stored = Assert.Single(inner.Responses);
        var text = stored.Answers[OpenId].Text!;
        foreach (var secret in new[] { "Verhoeven", "K654321", "06-12345678" })
            Assert.DoesNotContain(secret, text);
        Assert.Contains(OpenAnswerRedactor.Marker, text);
        Assert.Contains("Goede begeleiding!", text);
        Assert.Equal(8, stored.Answers.Rapportcijfer);
        Assert.Equal((Service, Perceel.NaarWerk), (stored.Service, stored.Perceel));
        Assert.Equal(1, identifiers.Reads);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Without_open_text_the_answers_are_stored_as_given_and_no_identifiers_are_read(string? openText)
    {
        var response = Response(openText);

        Assert.True(await Store().TryAddAsync(response, default));

        Assert.Same(response, Assert.Single(inner.Responses));
        Assert.Equal(0, identifiers.Reads);
    }

    [Fact]
    public async Task Only_open_questions_are_redacted_so_a_number_answer_is_never_touched()
    {
        // The klantnummer-like text sits in a question that is not open text: the redactor does not see it.
        var numberId = Client.Questions.First(q => q.Type != QuestionType.OpenText).Id;
        var response = Response(null) with
        {
            Answers = new Answers(Client.Version, new Dictionary<string, AnswerValue> { [numberId] = new(7, "K654321") }),
        };

        await Store().TryAddAsync(response, default);

        Assert.Equal("K654321", Assert.Single(inner.Responses).Answers[numberId].Text);
        Assert.Equal(0, identifiers.Reads);
    }

    [Fact]
    public async Task A_version_the_catalog_does_not_know_has_no_open_questions_to_redact()
    {
        var response = Response("Sam Verhoeven", version: "unknown-version");

        await Store().TryAddAsync(response, default);

        Assert.Same(response, Assert.Single(inner.Responses));
    }

    [Fact]
    public async Task The_first_answer_counts_and_reads_go_to_the_inner_store()
    {
        Assert.True(await Store().TryAddAsync(Response("Prima", grade: 9), default));
        Assert.False(await Store().TryAddAsync(Response("Toch niet", grade: 2), default));

        Assert.Equal(9, (await Store().FindAsync(Service, default))!.Answers.Rapportcijfer);
        Assert.Null(await Store().FindAsync(Service with { ServiceId = "S2" }, default));
        Assert.Equal([Service], await Store().ForYearAsync("acme", 2026, default).Select(r => r.Service).ToListAsync());
        Assert.Empty(await Store().ForYearAsync("acme", 2025, default).ToListAsync());
    }

    private sealed class CountingIdentifiers(IClientIdentifierSource inner) : IClientIdentifierSource
    {
        public int Reads { get; private set; }

        public Task<ClientIdentifiers> ForYearAsync(string company, int year, CancellationToken cancellationToken)
        {
            Reads++;
            return inner.ForYearAsync(company, year, cancellationToken);
        }
    }
}
