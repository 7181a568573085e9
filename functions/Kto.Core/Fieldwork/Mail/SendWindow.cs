namespace Kto.Core.Fieldwork;

/// <summary>
/// The sliding-window rule behind the throttle: at most N mails in any minute and M in any hour. Pure, so the
/// storage adapter only has to keep the list of recent send times consistent.
/// </summary>
public sealed class SendWindow(int maxPerMinute, int maxPerHour)
{
    /// <summary>
    /// The provider counts mails when they arrive, a little after their slot was taken, and that delay varies from
    /// mail to mail (the first of a run also waits for the connection). Measured locally, a minute's eleventh mail
    /// then arrived 10 ms short of a minute after the first. So each window is this much longer than a minute or
    /// an hour: no minute at the provider holds more than the limit, at the cost of under 2 % of the rate.
    /// </summary>
    public static readonly TimeSpan ArrivalMargin = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1) + ArrivalMargin;
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1) + ArrivalMargin;

    /// <returns>null when a mail may go now; otherwise the wait until the oldest mail in the full window drops out.</returns>
    public TimeSpan? WaitBeforeNext(IReadOnlyList<DateTimeOffset> recentSends, DateTimeOffset now)
    {
        var lastMinute = recentSends.Where(t => t > now - Minute).Order().ToList();
        var lastHour = recentSends.Where(t => t > now - Hour).Order().ToList();
        TimeSpan? wait = null;
        if (lastMinute.Count >= maxPerMinute)
            wait = Max(wait, lastMinute[lastMinute.Count - maxPerMinute] + Minute - now);
        if (lastHour.Count >= maxPerHour)
            wait = Max(wait, lastHour[lastHour.Count - maxPerHour] + Hour - now);
        return wait;
    }

    /// <summary>How many mails may go now, all at once, without any window holding more than its limit.</summary>
    public int Free(IReadOnlyList<DateTimeOffset> recentSends, DateTimeOffset now) => Math.Max(0, Math.Min(
        maxPerMinute - recentSends.Count(t => t > now - Minute), maxPerHour - recentSends.Count(t => t > now - Hour)));

    /// <summary>The sends inside the minute and hour windows now, as <see cref="WaitBeforeNext"/> counts them.</summary>
    public ThrottleUse Use(IReadOnlyList<DateTimeOffset> recentSends, DateTimeOffset now) => new(
        recentSends.Count(t => t > now - Minute), maxPerMinute, recentSends.Count(t => t > now - Hour), maxPerHour);

    /// <summary>Send times still relevant for the hour window; older ones are dropped from storage.</summary>
    public static IEnumerable<DateTimeOffset> Prune(IEnumerable<DateTimeOffset> sends, DateTimeOffset now) =>
        sends.Where(t => t > now - Hour);

    private static TimeSpan Max(TimeSpan? a, TimeSpan b) => a is null || b > a ? b : a.Value;
}
