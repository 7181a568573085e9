using Kto.Core.Survey;

namespace Kto.Functions.Tests.Templates;

/// <summary>The questionnaire's texts with the company's name in them read as sentences, whatever the name ends with.</summary>
public sealed class SurveyPageTextsTests
{
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
        SurveyPages.Renderer.Render(SurveyPages.Open("T" + new string('a', 31), "key", language, audience, company));
}
