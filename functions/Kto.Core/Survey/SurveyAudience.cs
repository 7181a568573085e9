namespace Kto.Core.Survey;

/// <summary>
/// Who is asked: a client about the service that ended, or an opdrachtgever of the company about the cooperation
/// (Blik op Werk). The same mail job, links and page serve both; the audience picks the mail texts and the questionnaire.
/// </summary>
public enum SurveyAudience
{
    Client,
    Opdrachtgever,
}
