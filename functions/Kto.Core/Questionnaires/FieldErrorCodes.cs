namespace Kto.Core.Questionnaires;

/// <summary>Every code a <see cref="FieldError"/> can carry.</summary>
public static class FieldErrorCodes
{
    public const string Required = "required";
    public const string NotANumber = "not-a-number";
    public const string OutOfRange = "out-of-range";
    public const string TooLong = "too-long";
}
