namespace Kto.Core.Questionnaires;

/// <summary>Either typed <see cref="Answers"/> or the list of fields to fix: never both.</summary>
public sealed record AnswerValidationResult(Answers? Answers, IReadOnlyList<FieldError> Errors)
{
    public bool IsValid => Answers is not null;

    public static AnswerValidationResult Valid(Answers answers) => new(answers, []);

    public static AnswerValidationResult Invalid(IReadOnlyList<FieldError> errors) => new(null, errors);
}
