using System.Text.Json;

namespace Kto.Core.Questionnaires;

/// <summary>
/// One version of the questionnaire. Versions are data (embedded JSON files); answers always name the version
/// they were given to, so a changed questionnaire never changes the meaning of old answers.
/// </summary>
public sealed record Questionnaire(
    string Version,
    LocalizedText Title,
    LocalizedText Introduction,
    IReadOnlyList<Question> Questions)
{
    /// <summary>The question whose mean is UWV's KPI.</summary>
    public const string RapportcijferId = "rapportcijfer";

    internal static readonly JsonSerializerOptions FileFormat = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public Question? Find(string questionId) =>
        Questions.FirstOrDefault(q => string.Equals(q.Id, questionId, StringComparison.Ordinal));

    public IEnumerable<Question> MandatoryQuestions => Questions.Where(q => q.Mandatory);

    /// <summary>Reads and checks a questionnaire file; a broken file fails loudly at start-up, not in a client's form.</summary>
    public static Questionnaire Parse(string json)
    {
        var questionnaire = JsonSerializer.Deserialize<Questionnaire>(json, FileFormat)
            ?? throw new InvalidDataException("Questionnaire file is empty.");
        questionnaire.EnsureConsistent();
        return questionnaire;
    }

    private void EnsureConsistent()
    {
        if (string.IsNullOrWhiteSpace(Version)) throw Invalid("has no version");
        if (Questions is null || Questions.Count == 0) throw Invalid("has no questions");
        var duplicate = Questions.GroupBy(q => q.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw Invalid($"has question id '{duplicate.Key}' twice");
        var grade = Find(RapportcijferId);
        if (grade is null || grade.Type != QuestionType.Grade1To10 || !grade.Mandatory)
            throw Invalid($"must have a mandatory grade-1-10 question '{RapportcijferId}' (the UWV KPI)");
        foreach (var q in Questions)
        {
            if (string.IsNullOrWhiteSpace(q.Id)) throw Invalid("has a question without id");
            if (q.Text is null || string.IsNullOrWhiteSpace(q.Text.Nl) || string.IsNullOrWhiteSpace(q.Text.En))
                throw Invalid($"question '{q.Id}' needs a Dutch and an English text");
            switch (q.Type)
            {
                case QuestionType.Agree5:
                    var numbers = q.Options?.Where(o => !o.DontKnow).Select(o => o.Value).ToArray() ?? [];
                    if (!numbers.SequenceEqual(["1", "2", "3", "4", "5"]))
                        throw Invalid($"question '{q.Id}' needs options 1 to 5 in order");
                    if (q.Options!.Count(o => o.DontKnow) > 1)
                        throw Invalid($"question '{q.Id}' has more than one don't-know option");
                    break;
                case QuestionType.OpenText:
                    if (q.MaxLength is null or <= 0) throw Invalid($"open question '{q.Id}' needs a positive maxLength");
                    break;
                default:
                    if (q.Options is { Count: > 0 }) throw Invalid($"question '{q.Id}' of type {q.Type} takes no options");
                    break;
            }
        }
    }

    private InvalidDataException Invalid(string problem) => new($"Questionnaire '{Version}' {problem}.");
}
