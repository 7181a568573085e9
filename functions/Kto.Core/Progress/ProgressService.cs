using Kto.Core.Keurmerk;
using Kto.Core.Population;
using Kto.Core.Reports;

namespace Kto.Core.Progress;

/// <summary>
/// Progress per perceel: always all four percelen, so a company sees where nothing was delivered yet. Counted from
/// the same facts as the report (<see cref="ReportFiguresService"/>: the attempts and responses as stored), so
/// progress and report cannot disagree, not even after a crash between a response and its service's flags.
/// </summary>
public sealed class ProgressService(ReportFiguresService figures, OpdrachtgeverFiguresService? opdrachtgevers = null)
{
    /// <summary>Opdrachtgever response (Blik op Werk), shown beside the clients'.</summary>
    public async Task<OpdrachtgeverProgress> OpdrachtgeversAsync(string company, int year, CancellationToken cancellationToken)
    {
        if (opdrachtgevers is null) return new OpdrachtgeverProgress(0, 0, 0, 0, null);
        var o = await opdrachtgevers.ForYearAsync(company, year, cancellationToken);
        return new OpdrachtgeverProgress(o.Opdrachtgevers, o.Approached, o.Responded, o.ResponseRate, o.MeanGradeCooperation);
    }

    public async Task<IReadOnlyList<PerceelProgress>> ForYearAsync(string company, int year, CancellationToken cancellationToken) =>
        ForPopulation(await PopulationAsync(company, year, cancellationToken));

    /// <summary>The company's year read once (<see cref="ReportFiguresService.PopulationAsync"/>), for callers that also forecast from it.</summary>
    public Task<YearPopulation> PopulationAsync(string company, int year, CancellationToken cancellationToken) =>
        figures.PopulationAsync(company, year, cancellationToken);

    /// <summary>Progress per perceel of a population already read.</summary>
    public IReadOnlyList<PerceelProgress> ForPopulation(YearPopulation population) =>
        figures.Count(population).Percelen.Select(Progress).ToList();

    /// <summary>
    /// The portal's progress page: per perceel, and ended services and responses per calendar month of the end date
    /// (all percelen together, for the chart), from one read of the company's rows.
    /// </summary>
    public async Task<CompanyProgress> WithMonthsAsync(string company, int year, CancellationToken cancellationToken)
    {
        var (percelen, ended, responded) = await figures.ForCompanyByMonthAsync(company, year, cancellationToken);
        return new CompanyProgress(percelen.Select(Progress).ToList(),
            Enumerable.Range(1, 12).Select(m => new MonthProgress(m, ended[m - 1], responded[m - 1])).ToList());
    }

    private static PerceelProgress Progress(PerceelFigures f) => new(
        PerceelNames.DisplayName(f.Perceel),
        f.Ended,
        f.Approached,
        f.Responded,
        f.Ended == 0 ? 0 : Math.Round((double)f.Responded / f.Ended, 4),
        f.Grades.Count == 0 ? null : Math.Round(f.Grades.Average(), 2),
        f.ApproachedByMode,
        f.RespondedByMode,
        f.MeanAttemptsPerService,
        f.MaxAttemptsPerService,
        f.Unreachable);
}
