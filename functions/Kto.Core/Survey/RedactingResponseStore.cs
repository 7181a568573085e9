using Kto.Core.Questionnaires;
using Kto.Core.Reports;

namespace Kto.Core.Survey;

/// <summary>
/// Open answers are redacted as they are stored (<see cref="OpenAnswerRedactor"/>), so the text a client typed or an
/// interviewer entered is never at rest, whatever the door (web, phone, paper, the API and ./kto). It knows the
/// writer's own delivered name and klantnummer (one contact row); the draft redacts again with every klantnummer of
/// the company. What was taken out cannot be put back.
/// </summary>
public sealed class RedactingResponseStore(IResponseStore inner, IClientIdentifierSource identifiers, QuestionnaireCatalog questionnaires) : IResponseStore
{
    public async Task<bool> TryAddAsync(StoredResponse response, CancellationToken cancellationToken) =>
        await inner.TryAddAsync(await RedactedAsync(response, cancellationToken), cancellationToken);

    public Task<StoredResponse?> FindAsync(ServiceRef service, CancellationToken cancellationToken) => inner.FindAsync(service, cancellationToken);

    public IAsyncEnumerable<StoredResponse> ForYearAsync(string company, int year, CancellationToken cancellationToken) =>
        inner.ForYearAsync(company, year, cancellationToken);

    private async Task<StoredResponse> RedactedAsync(StoredResponse response, CancellationToken cancellationToken)
    {
        var open = questionnaires.Get(response.Answers.Version)?.Questions.Where(q => q.Type == QuestionType.OpenText).Select(q => q.Id).ToList() ?? [];
        var texts = open.Where(id => !string.IsNullOrWhiteSpace(response.Answers[id].Text)).ToList();
        if (texts.Count == 0) return response;

        var known = await identifiers.ForServiceAsync(response.Service, cancellationToken);
        var redactor = new OpenAnswerRedactor(known.Klantnummers);
        var values = new Dictionary<string, AnswerValue>(response.Answers.Values, StringComparer.Ordinal);
        foreach (var id in texts)
            values[id] = values[id] with { Text = redactor.Redact(values[id].Text!, known.NamePartsOf(response.Service.ServiceId)) };
        return response with { Answers = response.Answers with { Values = values } };
    }
}
