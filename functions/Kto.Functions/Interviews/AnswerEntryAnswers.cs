using Kto.Core.Interviews;
using Kto.Core.Portal;

namespace Kto.Functions.Interviews;

/// <summary>
/// How the API and the portal answer each refused <see cref="AnswerEntryOutcome"/>: status, error code and the Dutch
/// text (the interviewer's screen and the API say the same, nothing stored included).
/// </summary>
public static class AnswerEntryAnswers
{
    public static (int Status, string Code, PageText Message) For(AnswerEntryOutcome outcome) => outcome switch
    {
        AnswerEntryOutcome.AlreadyAnswered => (StatusCodes.Status409Conflict, "already-answered",
            "Deze cliënt heeft de vragenlijst al beantwoord (online, telefonisch of op papier). Alleen het eerste antwoord telt: er is niets opgeslagen."),
        AnswerEntryOutcome.OptedOut => (StatusCodes.Status409Conflict, "opted-out", "Deze cliënt heeft zich afgemeld. Er is niets opgeslagen."),
        AnswerEntryOutcome.FieldworkClosed => (StatusCodes.Status409Conflict, "fieldwork-closed", "Het veldwerk van dit jaar is gesloten. Er is niets opgeslagen."),
        AnswerEntryOutcome.UnknownService => (StatusCodes.Status404NotFound, "not-found", "Deze cliënt bestaat niet (meer)."),
        AnswerEntryOutcome.Invalid => (StatusCodes.Status422UnprocessableEntity, "invalid-answers", "De antwoorden passen niet bij de vragenlijst. Er is niets opgeslagen."),
        _ => (StatusCodes.Status400BadRequest, "invalid-mode", "Kies 'phone' of 'paper'."),
    };
}
