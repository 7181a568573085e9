using Kto.Core.Questionnaires;

namespace Kto.Core.Reports;

/// <summary>Summarises answers into one <see cref="QuestionResult"/> per question, for every question of the version.</summary>
public static class QuestionResults
{
    public static IReadOnlyList<QuestionResult> Aggregate(Questionnaire questionnaire, IEnumerable<Answers> answers)
    {
        var list = answers.Where(a => a.Version == questionnaire.Version).ToList();
        return questionnaire.Questions.Select(q =>
        {
            var values = list.Select(a => a[q.Id]).ToList();
            var numbers = values.Where(v => v.Number is not null).Select(v => v.Number!.Value).ToList();
            var texts = values.Count(v => v.Text is not null);
            return new QuestionResult(
                q.Id,
                q.Mandatory,
                q.IsNumeric ? numbers.Count : texts,
                q.IsNumeric && numbers.Count > 0 ? numbers.Average() : null,
                values.Count(v => v.DontKnow));
        }).ToList();
    }
}
