namespace Kto.Core.Forecast;

/// <summary>
/// How soon clients answer an e-mail or letter: the days from the last approach to the answer, as this company's year
/// shows them, blended with an even spread over the response window until there are enough. An approach younger than
/// the window is only partly a try: answers it would bring have partly come in already.
/// </summary>
/// <param name="SortedDays">The observed delays in days, ascending.</param>
public sealed record AnswerDelays(IReadOnlyList<double> SortedDays, double WindowDays, int PriorWeight)
{
    /// <summary>Share of the answers an approach brings that have come in <paramref name="days"/> after it (0 to 1).</summary>
    public double AnsweredWithin(double days)
    {
        if (days <= 0) return 0;
        var even = WindowDays <= 0 ? 1 : Math.Min(1, days / WindowDays);
        var observed = UpperBound(days);
        return (observed + PriorWeight * even) / (SortedDays.Count + PriorWeight);
    }

    /// <summary>Number of delays at most <paramref name="days"/>.</summary>
    private int UpperBound(double days)
    {
        int low = 0, high = SortedDays.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (SortedDays[mid] <= days) low = mid + 1; else high = mid;
        }
        return low;
    }
}
