using Kto.Core;
using Kto.Core.Questionnaires;
using Kto.Core.Settings;
using Kto.Core.Survey;
using Kto.Infrastructure.Templates;

namespace Kto.Functions.Tests.Templates;

/// <summary>The questionnaire's texts with the company's name in them read as sentences, whatever the name ends with.</summary>
public sealed class SurveyPageTextsTests
{
    private static readonly SurveyPageRenderer Renderer = new(new LiquidTemplates(), new BureauSettings { Name = "Bureau", ContactEmail = "kto@bureau.example" });
    private static readonly QuestionnaireCatalog Questionnaires = new(new QuestionnaireSettings());

    [Theory]
    [InlineData("nl", SurveyAudience.Client, "Wij stellen deze vragen voor {0}")]
    [InlineData("en", SurveyAudience.Client, "We ask these questions for {0}")]
    [InlineData("nl", SurveyAudience.Opdrachtgever, "hoe tevreden opdrachtgevers zijn over {0}")]
    public void A_sentence_that_ends_with_the_company_has_one_full_stop(string language, SurveyAudience audience, string sentence)
    {
        var withStop = Render(language, audience, "Acme B.V.");
        var plain = Render(language, audience, "Acme");

        Assert.Contains(string.Format(sentence, "Acme B.V.") + " ", withStop.Replace("</p>", " ", StringComparison.Ordinal));
        Assert.DoesNotContain("B.V..", withStop);
        Assert.Contains(string.Format(sentence, "Acme") + ".", plain);
    }

    private static string Render(string language, SurveyAudience audience, string company) =>
        Renderer.Render(new SurveyPage(SurveyPageState.Open, language)
        {
            Token = "T" + new string('a', 31),
            FormKey = "key",
            Service = new ServiceSnapshot(new ServiceRef("acme", 2026, "S1"), Perceel.NaarWerk, new DateOnly(2026, 5, 1), ServiceStatus.Open, company, audience),
            Questionnaire = Questionnaires.For(audience),
        });
}
