using Kto.Core.Survey;

namespace Kto.Core.Fieldwork;

/// <summary>Everything a mail template may show: nothing else of the client is passed to it.</summary>
public sealed record MailContent(
    ContactStep Step,
    string Email,
    string Salutation,
    string CompanyName,
    Perceel Perceel,
    string SurveyUrl,
    string OptOutUrl,
    DateOnly FieldworkCloses,
    SurveyAudience Audience = SurveyAudience.Client);
