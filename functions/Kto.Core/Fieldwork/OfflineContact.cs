using Kto.Core.Survey;

namespace Kto.Core.Fieldwork;

/// <summary>A client e-mail cannot reach, with what the bureau needs for a letter or a call.</summary>
public sealed record OfflineContact(
    ServiceRef Service,
    Perceel Perceel,
    string Reason,
    int StepsDone,
    ContactDetails Contact,
    string SurveyUrl);
