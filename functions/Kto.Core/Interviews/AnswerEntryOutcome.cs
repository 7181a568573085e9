namespace Kto.Core.Interviews;

/// <summary>What entering answers for a client came to.</summary>
public enum AnswerEntryOutcome
{
    Stored,
    /// <summary>The client answered already (on the web, by phone or on paper): only the first answer counts.</summary>
    AlreadyAnswered,
    UnknownService,
    /// <summary>The answers do not fit the current questionnaire; <see cref="AnswerEntryResult.Issues"/> says why.</summary>
    Invalid,
    /// <summary>The client opted out: no answers are taken.</summary>
    OptedOut,
    /// <summary>Fieldwork of the service's year has closed, as for the web questionnaire.</summary>
    FieldworkClosed,
    /// <summary>Only phone and paper answers are entered by the bureau; web answers come from the client.</summary>
    ModeNotEntered,
}
