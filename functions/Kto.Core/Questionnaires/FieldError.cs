namespace Kto.Core.Questionnaires;

/// <summary>Why one field of a submitted form was not accepted, in plain Dutch (B1) and English.</summary>
/// <param name="Code">One of <see cref="FieldErrorCodes"/>: for tests and logs, not for clients.</param>
public sealed record FieldError(string QuestionId, string Code, string MessageNl, string MessageEn)
{
    public string Message(string? language) => new LocalizedText(MessageNl, MessageEn).In(language);
}
