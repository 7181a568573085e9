namespace Kto.Core.Questionnaires;

/// <summary>The typed answer to one question: a number, a text, "don't know", or nothing (an optional question left open).</summary>
public sealed record AnswerValue(int? Number = null, string? Text = null, bool DontKnow = false)
{
    public static AnswerValue None { get; } = new();

    public bool IsAnswered => Number is not null || Text is not null || DontKnow;
}
