namespace Kto.Core.Reports;

/// <summary>What hiding an open answer came to (<see cref="AnswerHidingResult"/>).</summary>
public enum AnswerHidingOutcome
{
    Hidden,
    /// <summary>The answer was hidden before; the first record (who, why) stands.</summary>
    AlreadyHidden,
    /// <summary>There is no draft (or one made before drafts kept their inputs): run the report first.</summary>
    NoDraft,
    /// <summary>The current draft has no open answer with this id.</summary>
    UnknownAnswer,
}
