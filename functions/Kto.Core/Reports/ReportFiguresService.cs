using Kto.Core.Fieldwork;
using Kto.Core.Questionnaires;
using Kto.Core.Survey;

namespace Kto.Core.Reports;

/// <summary>Reads the rows of one company and year and counts them per perceel (<see cref="ReportAggregator"/>).</summary>
public sealed class ReportFiguresService(IReportSource source, IFieldworkStore fieldwork, IResponseStore responses, QuestionnaireCatalog questionnaires)
{
    /// <summary>
    /// One <see cref="PerceelFigures"/> per perceel, in <see cref="PerceelNames.All"/> order. Each partition is read
    /// once for all four percelen: the attempts and responses are not kept per perceel, so reading per perceel
    /// would read them four times.
    /// </summary>
    public async Task<IReadOnlyList<PerceelFigures>> ForCompanyAsync(string company, int year, CancellationToken cancellationToken) =>
        (await ForCompanyByMonthAsync(company, year, cancellationToken)).Percelen;

    /// <summary>
    /// The figures per perceel as <see cref="ForCompanyAsync"/>, and from the same single read of the rows the ended
    /// services and services with a response per calendar month of the end date (January first), all percelen together.
    /// </summary>
    public async Task<(IReadOnlyList<PerceelFigures> Percelen, int[] Ended, int[] Responded)> ForCompanyByMonthAsync(
        string company, int year, CancellationToken cancellationToken)
    {
        var questionnaire = questionnaires.Current;
        int[] ended = new int[12], responded = new int[12];
        var services = await source.ServicesAsync(company, year, cancellationToken).ToListAsync(cancellationToken);
        if (services.Count == 0)
            return (PerceelNames.All.Select(p => ReportAggregator.Aggregate(p, services, [], [], questionnaire)).ToList(), ended, responded);
        var attempts = await fieldwork.AttemptsAsync(company, year, cancellationToken).ToListAsync(cancellationToken);
        var answers = await responses.ForYearAsync(company, year, cancellationToken).ToListAsync(cancellationToken);

        var monthOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var service in services)
        {
            ended[service.Einddatum.Month - 1]++;
            monthOf[service.ServiceId] = service.Einddatum.Month;
        }
        var answered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var response in answers)
            if (answered.Add(response.Service.ServiceId) && monthOf.TryGetValue(response.Service.ServiceId, out var month))
                responded[month - 1]++;
        return (PerceelNames.All.Select(p => ReportAggregator.Aggregate(p, services, attempts, answers, questionnaire)).ToList(), ended, responded);
    }
}
