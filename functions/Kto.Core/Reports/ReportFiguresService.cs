using Kto.Core.Fieldwork;
using Kto.Core.Population;
using Kto.Core.Questionnaires;
using Kto.Core.Survey;

namespace Kto.Core.Reports;

/// <summary>Counts one company's year per perceel (<see cref="ReportAggregator"/>) from its <see cref="YearPopulation"/>, read once.</summary>
public sealed class ReportFiguresService
{
    private readonly PopulationReader reader;
    private readonly QuestionnaireCatalog questionnaires;

    /// <summary>The hosts' wiring: the population read by <paramref name="reader"/> (one read of each partition).</summary>
    public ReportFiguresService(PopulationReader reader, QuestionnaireCatalog questionnaires)
    {
        this.reader = reader;
        this.questionnaires = questionnaires;
    }

    /// <summary>From the older ports (in-memory stores): the services and their states read apart (<see cref="PortsPopulationSource"/>).</summary>
    public ReportFiguresService(IReportSource source, IFieldworkStore fieldwork, IResponseStore responses, QuestionnaireCatalog questionnaires,
        ICorrectionStore corrections)
        : this(new PopulationReader(new PortsPopulationSource(source, fieldwork), corrections, fieldwork, responses), questionnaires)
    {
    }

    /// <summary>The company's year, read once, for callers that count it more than one way (the overview: progress and forecast).</summary>
    public Task<YearPopulation> PopulationAsync(string company, int year, CancellationToken cancellationToken) =>
        reader.ReadAsync(company, year, cancellationToken);

    /// <summary>
    /// One <see cref="PerceelFigures"/> per perceel, in <see cref="PerceelNames.All"/> order. Each partition is read
    /// once for all four percelen: the attempts and responses are not kept per perceel, so reading per perceel
    /// would read them four times.
    /// </summary>
    public async Task<IReadOnlyList<PerceelFigures>> ForCompanyAsync(string company, int year, CancellationToken cancellationToken) =>
        Count(await PopulationAsync(company, year, cancellationToken)).Percelen;

    /// <summary>
    /// The figures per perceel as <see cref="ForCompanyAsync"/>, and from the same single read of the rows the ended
    /// services and services with a response per calendar month of the end date (January first), all percelen together.
    /// </summary>
    public async Task<(IReadOnlyList<PerceelFigures> Percelen, int[] Ended, int[] Responded)> ForCompanyByMonthAsync(
        string company, int year, CancellationToken cancellationToken) =>
        Count(await PopulationAsync(company, year, cancellationToken));

    /// <summary>
    /// The figures of <paramref name="population"/>: per perceel (with the method section's account of the corrections
    /// and the services no route reaches), and ended services and services with a response per month of the end date.
    /// </summary>
    public (IReadOnlyList<PerceelFigures> Percelen, int[] Ended, int[] Responded) Count(YearPopulation population)
    {
        var questionnaire = questionnaires.Current;
        int[] ended = new int[12], responded = new int[12];
        var services = population.Services;
        var changes = population.Corrections;
        if (services.Count == 0)
            return (PerceelNames.All.Select(p => WithChanges(ReportAggregator.Aggregate(p, services, [], [], questionnaire), changes)).ToList(), ended, responded);

        var monthOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var service in services)
        {
            ended[service.Einddatum.Month - 1]++;
            monthOf[service.ServiceId] = service.Einddatum.Month;
        }
        var answered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var response in population.Responses)
            if (answered.Add(response.Service.ServiceId) && monthOf.TryGetValue(response.Service.ServiceId, out var month))
                responded[month - 1]++;
        var unreachable = population.Unreachable;
        return (PerceelNames.All.Select(p => WithChanges(
                ReportAggregator.Aggregate(p, services, population.Attempts, population.Responses, questionnaire, unreachable), changes)).ToList(),
            ended, responded);
    }

    private static PerceelFigures WithChanges(PerceelFigures figures, IReadOnlyList<ServiceCorrection> changes) =>
        figures with { PopulationChanges = PopulationCorrections.Changes(figures.Perceel, changes) };
}
