namespace Kto.Core.Statistics;

/// <summary>
/// The rapportcijfer figures of one perceel: what DOMAIN.md lists under "statistics worth reporting".
/// Values are unrounded; rounding is the renderer's job.
/// </summary>
/// <param name="PopulationSize">N: ended services (everyone was invited).</param>
/// <param name="Respondents">n: grades given.</param>
/// <param name="Mean">Null when n = 0.</param>
/// <param name="StandardDeviation">Sample SD (n − 1); null when n &lt; 2.</param>
/// <param name="Median">Middle grade; the mean of the two middle grades when n is even; null when n = 0.</param>
/// <param name="Distribution">Counts for grades 1 to 10, always ten entries.</param>
/// <param name="ConfidenceInterval">
/// Null when it cannot be estimated (n &lt; 2 while not everyone answered). When everyone answered (n = N) the mean
/// is exact: the interval has width 0.
/// </param>
/// <param name="IsIndicative">Too few respondents to read much into the figures (n below a setting).</param>
public sealed record GradeStatistics(
    int PopulationSize,
    int Respondents,
    double? Mean,
    double? StandardDeviation,
    double? Median,
    IReadOnlyList<GradeCount> Distribution,
    MeanConfidenceInterval? ConfidenceInterval,
    bool IsIndicative)
{
    public const int LowestGrade = 1;
    public const int HighestGrade = 10;

    /// <param name="grades">Grades 1–10 given by the respondents.</param>
    /// <param name="populationSize">N, the ended services; at least the number of grades.</param>
    /// <param name="indicativeBelowRespondents">n below this marks the figures as indicative.</param>
    public static GradeStatistics Compute(IReadOnlyCollection<int> grades, int populationSize, int indicativeBelowRespondents)
    {
        ArgumentNullException.ThrowIfNull(grades);
        if (grades.Any(g => g is < LowestGrade or > HighestGrade))
            throw new ArgumentOutOfRangeException(nameof(grades), "Grades run from 1 to 10.");
        var n = grades.Count;
        if (populationSize < n)
            throw new ArgumentOutOfRangeException(nameof(populationSize), $"Population N={populationSize} is smaller than the {n} respondents.");

        var distribution = Enumerable.Range(LowestGrade, HighestGrade)
            .Select(grade => new GradeCount(grade, grades.Count(g => g == grade)))
            .ToList();
        var indicative = n < indicativeBelowRespondents;
        if (n == 0) return new(populationSize, 0, null, null, null, distribution, null, indicative);

        var mean = grades.Average();
        var sd = n >= 2 ? Math.Sqrt(grades.Sum(g => (g - mean) * (g - mean)) / (n - 1)) : (double?)null;
        return new(populationSize, n, mean, sd, MedianOf(grades), distribution,
            Interval(mean, sd, n, populationSize), indicative);
    }

    private const double MinGrade = 1, MaxGrade = 10;

    private static double MedianOf(IReadOnlyCollection<int> grades)
    {
        // Stryker disable once Linq : the middle of a list sorted downwards is the same middle
        var sorted = grades.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }

    private static MeanConfidenceInterval? Interval(double mean, double? sd, int n, int populationSize)
    {
        // A full census has no sampling error, whatever n is (also n = N = 1).
        if (n == populationSize) return new(mean, mean, 0, 0, 0);
        if (sd is null) return null;

        var fpc = Math.Sqrt((double)(populationSize - n) / (populationSize - 1));
        var t = StudentT.Critical95(n - 1);
        var halfWidth = t * sd.Value / Math.Sqrt(n) * fpc;
        // A mean of grades 1–10 cannot lie outside 1–10: with few answers the t interval would, so it is cut there.
        return new(Math.Max(MinGrade, mean - halfWidth), Math.Min(MaxGrade, mean + halfWidth), halfWidth, t, fpc);
    }
}
