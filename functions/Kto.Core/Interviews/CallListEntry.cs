using Kto.Core.Fieldwork;
using Kto.Core.Survey;

namespace Kto.Core.Interviews;

/// <summary>One client (or opdrachtgever, Blik op Werk) on the call list.</summary>
/// <param name="Calls">Calls recorded so far (any outcome).</param>
/// <param name="OnlyByPhone">No usable e-mail and no postal address: the phone is the only way to reach the client.</param>
/// <param name="CallBackAt">The last call ended with "call back": when the client asked to be called.</param>
/// <param name="Audience">A client, or an opdrachtgever (its contact: the organisation in the klantnummer's place, the contact person as the name).</param>
public sealed record CallListEntry(
    ServiceRef Service,
    Perceel Perceel,
    ContactDetails Contact,
    int Calls,
    AttemptOutcome? LastOutcome,
    DateTimeOffset? LastCallAt,
    DateTimeOffset? CallBackAt,
    bool OnlyByPhone,
    SurveyAudience Audience = SurveyAudience.Client);
