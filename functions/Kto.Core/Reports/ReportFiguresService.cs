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
    public async Task<IReadOnlyList<PerceelFigures>> ForCompanyAsync(string company, int year, CancellationToken cancellationToken)
    {
        var questionnaire = questionnaires.Current;
        var services = await source.ServicesAsync(company, year, cancellationToken).ToListAsync(cancellationToken);
        if (services.Count == 0)
            return PerceelNames.All.Select(p => ReportAggregator.Aggregate(p, services, [], [], questionnaire)).ToList();
        var attempts = await fieldwork.AttemptsAsync(company, year, cancellationToken).ToListAsync(cancellationToken);
        var answers = await responses.ForYearAsync(company, year, cancellationToken).ToListAsync(cancellationToken);
        return PerceelNames.All.Select(p => ReportAggregator.Aggregate(p, services, attempts, answers, questionnaire)).ToList();
    }
}
