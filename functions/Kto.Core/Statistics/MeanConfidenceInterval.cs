namespace Kto.Core.Statistics;

/// <summary>95% confidence interval of a mean, with the parts it was made of so a report can explain it.</summary>
/// <param name="CriticalValue">t quantile used (see <see cref="StudentT"/>); 0 when the whole population answered.</param>
/// <param name="FinitePopulationCorrection">√((N−n)/(N−1)): every client was invited, so the population is finite and known.</param>
public sealed record MeanConfidenceInterval(
    double Lower,
    double Upper,
    double HalfWidth,
    double CriticalValue,
    double FinitePopulationCorrection);
