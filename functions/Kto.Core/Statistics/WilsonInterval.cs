namespace Kto.Core.Statistics;

/// <summary>
/// The Wilson score interval for a proportion. Unlike the textbook p ± 1.96·√(p(1−p)/n) it stays within 0–1
/// and is still informative at 0/N and N/N, which small percelen produce often.
/// </summary>
public static class WilsonInterval
{
    public const double Z95 = 1.959963984540054;

    public static ProportionInterval Compute(int successes, int trials, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        if (trials == 0) return new(0, 0, null, null, null);

        double n = trials, p = successes / n, z2 = z * z;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2 * n)) / denominator;
        var halfWidth = z / denominator * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        // At 0/N and N/N one bound is exactly 0 or 1 in theory; clamp away floating-point noise.
        var lower = successes == 0 ? 0 : Math.Max(0, centre - halfWidth);
        var upper = successes == trials ? 1 : Math.Min(1, centre + halfWidth);
        return new(successes, trials, p, lower, upper);
    }
}
