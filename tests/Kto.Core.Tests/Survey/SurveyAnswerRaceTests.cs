using Kto.Core.Access;
using Kto.Core.Fieldwork;
using Kto.Core.Questionnaires;
using Kto.Core.Settings;
using Kto.Core.Survey;
using Kto.Core.Tests.Fakes;
using Kto.Core.Tests.Interviews;
using Microsoft.Extensions.Time.Testing;

namespace Kto.Core.Tests.Survey;

/// <summary>One answer per service when two tabs race: the answer stored first counts, and the service is marked with its grade.</summary>
public sealed class SurveyAnswerRaceTests
{
    private readonly InMemorySurveyData data = new();
    private readonly CountingTokenStore tokens = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));
    private readonly SurveyFormKey formKey = SurveyFormKey.From("test-form-key");
    private static readonly QuestionnaireCatalog Catalog = new(new QuestionnaireSettings());

    private SurveyPageService Service() => new(tokens, data, data, Catalog, new ContactPolicy(new FieldworkSettings()), formKey,
        new UnknownTokenLimiter(new SurveySettings(), time), time);

    [Fact]
    public async Task An_answer_another_tab_stored_between_our_check_and_our_write_counts_and_marks_the_service_with_its_grade()
    {
        var service = data.Add("s1", InMemorySurveyData.Contact("K1"), hasEmail: true);
        var (token, hash) = SurveyToken.New();
        await tokens.SaveAsync(hash, service, TokenPurpose.Survey, default);
        var first = new StoredResponse(service, Perceel.NaarWerk,
            AnswerValidator.Validate(Catalog.For(SurveyAudience.Client), AnswerEntryServiceTests.Valid("4")).Answers!, time.GetUtcNow());
        data.BeforeAdd = _ => data.AddResponseDirectly(first);
        var form = AnswerEntryServiceTests.Valid("9");
        form[SurveyFormKey.FieldName] = formKey.For(SecretKeys.Hash(token));

        var page = await Service().SubmitAsync(new SurveyRequest(token, "nl", "198.51.100.7"), form, default);

        Assert.Equal(SurveyPageState.AlreadyAnswered, page.State);
        Assert.Equal(4, data.MarkedGrade(service));
        Assert.Equal(4, (await data.FindAsync(service, default))!.Answers.Rapportcijfer);
    }
}
