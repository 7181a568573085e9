namespace Kto.Core.Reports;

/// <summary>What hiding an open answer came to: the new draft and the record, or why nothing changed.</summary>
public sealed record AnswerHiding(AnswerHiding.Outcomes Outcome, ReportDraftInfo? Draft = null, HiddenAnswer? Hidden = null)
{
    public enum Outcomes
    {
        Hidden,
        /// <summary>The answer was hidden before; the first record (who, why) stands.</summary>
        AlreadyHidden,
        /// <summary>There is no draft (or one made before drafts kept their inputs): run the report first.</summary>
        NoDraft,
        /// <summary>The current draft has no open answer with this id.</summary>
        UnknownAnswer,
    }
}
