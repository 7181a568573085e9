using Kto.Core.Survey;

namespace Kto.Core.Fieldwork;

/// <summary>A client e-mail cannot reach, with what the bureau needs for a letter or a call.</summary>
/// <param name="SurveyUrl">A fresh personal link for a letter; null when the list was made without links (the portal page).</param>
public sealed record OfflineContact(
    ServiceRef Service,
    Perceel Perceel,
    string Reason,
    int StepsDone,
    ContactDetails Contact,
    string? SurveyUrl);
