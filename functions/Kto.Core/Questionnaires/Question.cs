namespace Kto.Core.Questionnaires;

/// <summary>One question of a questionnaire version.</summary>
/// <param name="Id">Stable id: the form field name and the key in stored answers. Never reused with another meaning.</param>
/// <param name="Mandatory">The client must answer it, and UWV's check 4 requires its results in the report.</param>
/// <param name="Options">The choices of an agree-5 question; null for the other types.</param>
/// <param name="LowLabel">Label of the lowest number of a grade or scale question.</param>
/// <param name="HighLabel">Label of the highest number of a grade or scale question.</param>
/// <param name="MaxLength">Longest accepted answer of an open-text question (after removing control characters).</param>
public sealed record Question(
    string Id,
    QuestionType Type,
    bool Mandatory,
    LocalizedText Text,
    IReadOnlyList<AnswerOption>? Options = null,
    LocalizedText? LowLabel = null,
    LocalizedText? HighLabel = null,
    int? MaxLength = null)
{
    /// <summary>Lowest accepted number for numeric types; null for other types.</summary>
    public int? Minimum => Type switch
    {
        QuestionType.Grade1To10 => 1,
        QuestionType.Scale0To10 => 0,
        QuestionType.Agree5 => 1,
        _ => null,
    };

    /// <summary>Highest accepted number for numeric types; null for other types.</summary>
    public int? Maximum => Type switch
    {
        QuestionType.Grade1To10 => 10,
        QuestionType.Scale0To10 => 10,
        QuestionType.Agree5 => 5,
        _ => null,
    };

    public bool IsNumeric => Type != QuestionType.OpenText;
}
