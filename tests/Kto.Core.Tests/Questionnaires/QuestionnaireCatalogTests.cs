using Kto.Core.Questionnaires;

namespace Kto.Core.Tests.Questionnaires;

public class QuestionnaireCatalogTests
{
    private static readonly QuestionnaireCatalog Catalog = new(new QuestionnaireSettings());

    [Fact]
    public void Current_is_the_default_version_from_the_embedded_file()
    {
        Assert.Equal("kto-2026-1", new QuestionnaireSettings().CurrentVersion);
        Assert.Equal("kto-2026-1", Catalog.Current.Version);
        Assert.Contains("kto-2026-1", Catalog.Versions);
        Assert.Same(Catalog.Current, Catalog.Get("kto-2026-1"));
    }

    [Fact]
    public void Unknown_version_is_null_and_an_unknown_current_version_fails_at_start()
    {
        Assert.Null(Catalog.Get("kto-1999-1"));
        var error = Assert.Throws<InvalidOperationException>(
            () => new QuestionnaireCatalog(new QuestionnaireSettings { CurrentVersion = "kto-1999-1" }));
        Assert.Contains("kto-1999-1", error.Message);
    }

    [Fact]
    public void Rapportcijfer_is_a_mandatory_grade_from_1_to_10()
    {
        var grade = Catalog.Current.Find("rapportcijfer")!;
        Assert.Equal(QuestionType.Grade1To10, grade.Type);
        Assert.True(grade.Mandatory);
        Assert.Equal((1, 10), (grade.Minimum, grade.Maximum));
    }

    [Fact]
    public void Default_version_has_the_themes_of_DOMAIN_md()
    {
        var q = Catalog.Current;
        string[] expected =
        [
            "rapportcijfer", "begeleider-luistert", "begeleider-deskundig", "begeleider-bereikbaar",
            "afspraken-duidelijk", "afspraken-nagekomen", "meebeslissen-plan", "hulp-naar-werk",
            "informatie-duidelijk", "aanbevelen", "open-goed", "open-beter",
        ];
        Assert.Equal(expected, q.Questions.Select(x => x.Id));
        Assert.Equal(8, q.Questions.Count(x => x.Type == QuestionType.Agree5));
        Assert.Equal(QuestionType.Scale0To10, q.Find("aanbevelen")!.Type);
        Assert.All(q.Questions.Where(x => x.Type == QuestionType.OpenText), x =>
        {
            Assert.False(x.Mandatory);
            Assert.True(x.MaxLength > 0);
        });
    }

    [Fact]
    public void Every_text_and_label_exists_in_Dutch_and_English()
    {
        var q = Catalog.Current;
        Assert.All(q.Questions, x =>
        {
            Assert.False(string.IsNullOrWhiteSpace(x.Text.Nl));
            Assert.False(string.IsNullOrWhiteSpace(x.Text.En));
            Assert.NotEqual(x.Text.Nl, x.Text.En);
            foreach (var option in x.Options ?? [])
            {
                Assert.False(string.IsNullOrWhiteSpace(option.Label.Nl));
                Assert.False(string.IsNullOrWhiteSpace(option.Label.En));
            }
        });
        Assert.False(string.IsNullOrWhiteSpace(q.Introduction.Nl));
        Assert.False(string.IsNullOrWhiteSpace(q.Introduction.En));
    }

    [Fact]
    public void Agree_questions_run_from_helemaal_mee_oneens_to_helemaal_mee_eens_with_a_dont_know_option()
    {
        Assert.All(Catalog.Current.Questions.Where(x => x.Type == QuestionType.Agree5), x =>
        {
            Assert.Equal("Helemaal mee oneens", x.Options![0].Label.Nl);
            Assert.Equal("Helemaal mee eens", x.Options[4].Label.Nl);
            var dontKnow = Assert.Single(x.Options, o => o.DontKnow);
            Assert.Equal("Weet ik niet / niet van toepassing", dontKnow.Label.Nl);
        });
    }

    [Fact]
    public void A_broken_questionnaire_file_is_refused()
    {
        // No rapportcijfer: the KPI could not be computed.
        const string json = """
            { "version": "x", "title": {"nl":"a","en":"a"}, "introduction": {"nl":"a","en":"a"},
              "questions": [ { "id": "open", "type": "open-text", "mandatory": false, "maxLength": 10,
                               "text": {"nl":"Wat?","en":"What?"} } ] }
            """;
        var error = Assert.Throws<InvalidDataException>(() => Questionnaire.Parse(json));
        Assert.Contains("rapportcijfer", error.Message);
    }

    [Fact]
    public void LocalizedText_picks_English_only_when_asked()
    {
        var text = new LocalizedText("Hallo", "Hello");
        Assert.Equal("Hello", text.In("en-GB"));
        Assert.Equal("Hallo", text.In("nl"));
        Assert.Equal("Hallo", text.In(null));
    }
}
