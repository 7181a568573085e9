using Kto.Core.Questionnaires;
using Kto.Core.Survey;

namespace Kto.Core.Reports;

/// <summary>
/// The open answers of a company's clients for one year, redacted (<see cref="OpenAnswerRedactor"/>) as they are
/// read, so no unredacted text ever reaches a draft's inputs or files. Only answers of services in the report's
/// population count, under the perceel the service has now.
/// </summary>
public sealed class OpenAnswersService(IReportSource source, IResponseStore responses, IClientIdentifierSource identifiers, QuestionnaireCatalog questionnaires)
{
    public async Task<IReadOnlyList<OpenAnswer>> ReadAsync(string company, int year, CancellationToken cancellationToken)
    {
        var perceelOf = new Dictionary<string, Perceel>(StringComparer.Ordinal);
        await foreach (var service in source.ServicesAsync(company, year, cancellationToken)) perceelOf[service.ServiceId] = service.Perceel;
        if (perceelOf.Count == 0) return [];

        var texts = new List<(string ServiceId, string QuestionId, string Text)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var response in responses.ForYearAsync(company, year, cancellationToken))
        {
            var id = response.Service.ServiceId;
            if (!perceelOf.ContainsKey(id) || !seen.Add(id)) continue; // the first answer counts, as in the figures
            var questionnaire = questionnaires.Get(response.Answers.Version);
            if (questionnaire is null) continue;
            foreach (var question in questionnaire.Questions.Where(q => q.Type == QuestionType.OpenText))
                if (response.Answers[question.Id].Text is { } text && !string.IsNullOrWhiteSpace(text))
                    texts.Add((id, question.Id, text.Trim()));
        }
        if (texts.Count == 0) return [];

        var known = await identifiers.ForYearAsync(company, year, cancellationToken);
        var redactor = new OpenAnswerRedactor(known.Klantnummers);
        return texts.Select(t => new OpenAnswer(OpenAnswer.IdOf(t.ServiceId, t.QuestionId), perceelOf[t.ServiceId], t.QuestionId,
            redactor.Redact(t.Text, known.NamePartsOf(t.ServiceId)))).ToList();
    }
}
