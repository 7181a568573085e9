namespace Kto.Core.Survey;

/// <summary>
/// The personal links a client gets (in a mail, on a letter). A port: the routes and the public address belong to the
/// web edge (<c>Kto.Infrastructure/Links</c>, on the routes in <see cref="SurveyLinks"/>), not to the use cases that hand the links out.
/// </summary>
public interface ISurveyLinks
{
    /// <summary>The absolute link to the questionnaire for a survey token.</summary>
    string Questionnaire(string surveyToken);

    /// <summary>The absolute link to the opt-out page for an opt-out token.</summary>
    string OptOut(string optOutToken);

    /// <summary>The short address where a letter's short code is typed (printed large on the letter).</summary>
    string ShortCodePage();
}
