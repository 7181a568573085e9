using Kto.Core.Settings;
using Kto.Core.Survey;

namespace Kto.Infrastructure.Links;

/// <summary>Personal links on the app's public address (<c>Kto:PublicBaseUrl</c>), in the form <see cref="SurveyLinks"/> defines.</summary>
public sealed class PublicSurveyLinks(KtoSettings kto) : ISurveyLinks
{
    public string Questionnaire(string surveyToken) => SurveyLinks.Questionnaire(kto.PublicBaseUrl, surveyToken);

    public string OptOut(string optOutToken) => SurveyLinks.OptOut(kto.PublicBaseUrl, optOutToken);

    public string ShortCodePage() => SurveyLinks.ShortCodePage(kto.PublicBaseUrl);
}
