using Kto.Core.Population;

namespace Kto.Core.Reports;

/// <summary>
/// The report run's reads of each company's year, <see cref="ReportSettings.ConcurrentReads"/> at a time. A run drafts
/// every company at once, and each draft is a read (storage) and then a render (CPU). Read all at once, the reads end
/// together and the renders queue at the end with nothing left to overlap them (and, on a small machine, take the
/// CPU the storage needs meanwhile); read a few at a time, each company's render runs while the next ones are read.
/// One per host: the limit holds for every activity of the run on this host.
/// </summary>
public sealed class ReportRunReads(ReportFiguresService figures, ReportSettings settings)
{
    private readonly SemaphoreSlim slots = new(Math.Max(1, settings.ConcurrentReads));

    /// <summary>The company's year, read once (<see cref="ReportFiguresService.PopulationAsync"/>) when a read slot is free.</summary>
    public async Task<YearPopulation> PopulationAsync(string company, int year, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken);
        try
        {
            return await figures.PopulationAsync(company, year, cancellationToken);
        }
        finally
        {
            slots.Release();
        }
    }
}
