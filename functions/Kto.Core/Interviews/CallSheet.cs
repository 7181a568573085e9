using Kto.Core.Fieldwork;
using Kto.Core.Survey;

namespace Kto.Core.Interviews;

/// <summary>What the interviewer sees of one client: who, the number, the calls so far, and whether calling goes on.</summary>
/// <param name="Calls">Phone attempts so far, oldest first.</param>
/// <param name="Answered">A response is stored (any mode): nothing more to ask.</param>
/// <param name="CallingEnded">Refused, a wrong number, or the maximum number of calls reached.</param>
/// <param name="Step">The client's contact step now: the form carries it, so a repeat of the same record is known.</param>
/// <param name="Audience">A client, or an opdrachtgever (Blik op Werk), who answers the opdrachtgever questionnaire.</param>
public sealed record CallSheet(
    ServiceRef Service,
    Perceel Perceel,
    ContactDetails Contact,
    ServiceStatus Status,
    bool Answered,
    IReadOnlyList<ContactAttempt> Calls,
    bool CallingEnded,
    bool CallingTime,
    CallingHours CallingHours,
    int MaxCallAttempts,
    int Step = 0,
    SurveyAudience Audience = SurveyAudience.Client);
