namespace Kto.Core.Survey;

/// <summary>What the questionnaire and the mail job need to know of one service.</summary>
/// <param name="MayHaveCorrections">
/// False when storage knows that the bureau never corrected or withdrew the service (its row is marked before the first
/// correction is stored), so the page need not read the corrections; true when it may have one, or when the row cannot
/// tell (stored before the mark existed).
/// </param>
/// <param name="MayHaveResponse">
/// False when storage knows that no response is stored for the service (its row is marked before a response is added),
/// so an open page need not look for an answer whose service was not yet marked responded; true when one may exist,
/// or when the row cannot tell.
/// </param>
public sealed record ServiceSnapshot(
    ServiceRef Ref,
    Perceel Perceel,
    DateOnly Einddatum,
    ServiceStatus Status,
    string CompanyName,
    SurveyAudience Audience = SurveyAudience.Client,
    bool MayHaveCorrections = true,
    bool MayHaveResponse = true);
