namespace Kto.Core.Fieldwork;

/// <summary>
/// The sliding-window rule behind the throttle: at most N mails in any minute and M in any hour. Pure, so the
/// storage adapter only has to keep the list of recent send times consistent.
/// </summary>
public sealed class SendWindow(int maxPerMinute, int maxPerHour)
{
    /// <returns>null when a mail may go now; otherwise the wait until the oldest mail in the full window drops out.</returns>
    public TimeSpan? WaitBeforeNext(IReadOnlyList<DateTimeOffset> recentSends, DateTimeOffset now)
    {
        var lastMinute = recentSends.Where(t => t > now.AddMinutes(-1)).Order().ToList();
        var lastHour = recentSends.Where(t => t > now.AddHours(-1)).Order().ToList();
        TimeSpan? wait = null;
        if (lastMinute.Count >= maxPerMinute)
            wait = Max(wait, lastMinute[lastMinute.Count - maxPerMinute].AddMinutes(1) - now);
        if (lastHour.Count >= maxPerHour)
            wait = Max(wait, lastHour[lastHour.Count - maxPerHour].AddHours(1) - now);
        return wait;
    }

    /// <summary>Send times still relevant for the hour window; older ones are dropped from storage.</summary>
    public static IEnumerable<DateTimeOffset> Prune(IEnumerable<DateTimeOffset> sends, DateTimeOffset now) =>
        sends.Where(t => t > now.AddHours(-1));

    private static TimeSpan Max(TimeSpan? a, TimeSpan b) => a is null || b > a ? b : a.Value;
}
