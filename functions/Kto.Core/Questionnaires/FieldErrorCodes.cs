namespace Kto.Core.Questionnaires;

/// <summary>Every code a <see cref="FieldError"/> can carry.</summary>
public static class FieldErrorCodes
{
    public const string Required = "required";
    public const string NotANumber = "not-a-number";
    public const string OutOfRange = "out-of-range";
    public const string TooLong = "too-long";
    /// <summary>Entered answers (phone, paper, API) name a question the current version does not have.</summary>
    public const string UnknownQuestion = "unknown-question";
    /// <summary>Entered answers leave every question blank: a form without any answer is no response.</summary>
    public const string NothingAnswered = "nothing-answered";
}
