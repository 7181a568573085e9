using Kto.Core.Population;
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
    /// <summary>Reads the population's services and the responses itself.</summary>
    public async Task<IReadOnlyList<OpenAnswer>> ReadAsync(string company, int year, CancellationToken cancellationToken)
    {
        var services = await source.ServicesAsync(company, year, cancellationToken).ToListAsync(cancellationToken);
        if (services.Count == 0) return [];
        return await FromAsync(company, year, services, responses.ForYearAsync(company, year, cancellationToken), cancellationToken);
    }

    /// <summary>From a population already read (the report run reads it once for the figures and these): only the client identifiers are read.</summary>
    public Task<IReadOnlyList<OpenAnswer>> ReadAsync(YearPopulation population, CancellationToken cancellationToken) =>
        population.Services.Count == 0
            ? Task.FromResult<IReadOnlyList<OpenAnswer>>([])
            : FromAsync(population.Company, population.Year, population.Services, population.Responses.ToAsyncEnumerable(), cancellationToken);

    private async Task<IReadOnlyList<OpenAnswer>> FromAsync(string company, int year, IReadOnlyList<ReportServiceRow> services,
        IAsyncEnumerable<StoredResponse> answers, CancellationToken cancellationToken)
    {
        var perceelOf = new Dictionary<string, Perceel>(StringComparer.Ordinal);
        foreach (var service in services) perceelOf[service.ServiceId] = service.Perceel;

        var texts = new List<(string ServiceId, string QuestionId, string Text)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var response in answers.WithCancellation(cancellationToken))
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
