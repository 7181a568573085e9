namespace Kto.Core.Survey;

/// <summary>What the questionnaire and the mail job need to know of one service.</summary>
public sealed record ServiceSnapshot(
    ServiceRef Ref,
    Perceel Perceel,
    DateOnly Einddatum,
    ServiceStatus Status,
    string CompanyName,
    SurveyAudience Audience = SurveyAudience.Client);
