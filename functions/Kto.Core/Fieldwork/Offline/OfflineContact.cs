using Kto.Core.Survey;

namespace Kto.Core.Fieldwork;

/// <summary>A client (or opdrachtgever, Blik op Werk) e-mail cannot reach, with what the bureau needs for a letter or a call.</summary>
/// <param name="SurveyUrl">A fresh personal link for a letter; null when the list was made without links (the portal page).</param>
/// <param name="Contact">For an opdrachtgever the klantnummer holds its organisation and the last name its contact person.</param>
public sealed record OfflineContact(
    ServiceRef Service,
    Perceel Perceel,
    string Reason,
    int StepsDone,
    ContactDetails Contact,
    string? SurveyUrl,
    SurveyAudience Audience = SurveyAudience.Client)
{
    /// <summary>What the list shows in its perceel column: the perceel, or that this is an opdrachtgever (it has none).</summary>
    public string PerceelOrKind =>
        Audience == SurveyAudience.Opdrachtgever ? "Opdrachtgever (Blik op Werk)" : PerceelNames.DisplayName(Perceel);
}
