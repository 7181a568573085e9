namespace Kto.Core.Questionnaires;

/// <summary>A validated submission: every question of the version has an entry (<see cref="AnswerValue.None"/> when left open).</summary>
public sealed record Answers(string Version, IReadOnlyDictionary<string, AnswerValue> Values)
{
    public AnswerValue this[string questionId] => Values.GetValueOrDefault(questionId) ?? AnswerValue.None;

    /// <summary>The rapportcijfer, the number behind the KPI; null only for answers that lack it.</summary>
    public int? Rapportcijfer => this[Questionnaire.RapportcijferId].Number;
}
