using Kto.Core.Questionnaires;

namespace Kto.Core.Interviews;

/// <summary>The outcome, and for <see cref="AnswerEntryOutcome.Invalid"/> the fields to fix (the web questionnaire's messages).</summary>
public sealed record AnswerEntryResult(AnswerEntryOutcome Outcome, IReadOnlyList<FieldError> Issues)
{
    public static AnswerEntryResult Of(AnswerEntryOutcome outcome) => new(outcome, []);
}
