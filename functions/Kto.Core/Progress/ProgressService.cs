namespace Kto.Core.Progress;

/// <summary>Progress per perceel: always all four percelen, so a company sees where nothing was delivered yet.</summary>
public sealed class ProgressService(IProgressSource source)
{
    public async Task<IReadOnlyList<PerceelProgress>> ForYearAsync(string company, int year, CancellationToken cancellationToken)
    {
        var tally = PerceelNames.All.ToDictionary(p => p, _ => new Tally());
        await foreach (var service in source.ServicesAsync(company, year, cancellationToken))
        {
            var t = tally[service.Perceel];
            t.Ended++;
            if (service.Approached) t.Approached++;
            if (!service.Responded) continue;
            t.Responded++;
            if (service.Grade is { } grade) { t.GradeSum += grade; t.Graded++; }
        }

        return tally.Select(pair => new PerceelProgress(
            PerceelNames.DisplayName(pair.Key),
            pair.Value.Ended,
            pair.Value.Approached,
            pair.Value.Responded,
            pair.Value.Ended == 0 ? 0 : Math.Round((double)pair.Value.Responded / pair.Value.Ended, 4),
            pair.Value.Graded == 0 ? null : Math.Round((double)pair.Value.GradeSum / pair.Value.Graded, 2))).ToList();
    }

    /// <summary>Per month of the end date: services ended, and how many of those responded (all twelve months, always).</summary>
    public async Task<IReadOnlyList<MonthProgress>> ByMonthAsync(string company, int year, CancellationToken cancellationToken)
    {
        var ended = new int[13];
        var responded = new int[13];
        await foreach (var service in source.ServicesAsync(company, year, cancellationToken))
        {
            if (service.EndMonth is not (>= 1 and <= 12) || service.EndMonth is not { } month) continue;
            ended[month]++;
            if (service.Responded) responded[month]++;
        }
        return Enumerable.Range(1, 12).Select(m => new MonthProgress(m, ended[m], responded[m])).ToList();
    }

    private sealed class Tally
    {
        public int Ended, Approached, Responded, Graded;
        public long GradeSum;
    }
}
