using Kto.Core.Fieldwork;
using Kto.Core.Questionnaires;
using Kto.Core.Survey;

namespace Kto.Core.Reports;

/// <summary>Reads the rows of one company, year and perceel and counts them (<see cref="ReportAggregator"/>).</summary>
public sealed class ReportFiguresService(IReportSource source, IFieldworkStore fieldwork, IResponseStore responses, QuestionnaireCatalog questionnaires)
{
    public async Task<PerceelFigures> ForPerceelAsync(string company, int year, Perceel perceel, CancellationToken cancellationToken)
    {
        var services = await source.ServicesAsync(company, year, perceel, cancellationToken).ToListAsync(cancellationToken);
        if (services.Count == 0)
            return ReportAggregator.Aggregate(perceel, services, [], [], questionnaires.Current);
        var attempts = await fieldwork.AttemptsAsync(company, year, cancellationToken).ToListAsync(cancellationToken);
        var answers = await responses.ForYearAsync(company, year, cancellationToken).ToListAsync(cancellationToken);
        return ReportAggregator.Aggregate(perceel, services, attempts, answers, questionnaires.Current);
    }
}
