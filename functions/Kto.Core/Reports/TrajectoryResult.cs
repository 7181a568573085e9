namespace Kto.Core.Reports;

/// <summary>
/// The Blik op Werk results norm: how many trajectories were completed and how many successfully, read from the
/// delivery column "reden beëindiging" / "resultaat". Companies write free text there, so this is a documented
/// rule of thumb, in this one place:
/// <list type="bullet">
/// <item>every ended service with a reason counts as <b>completed</b> (it ended, and the company said how);</item>
/// <item>it counts as <b>successful</b> when the reason names a result (<see cref="SuccessWords"/>: "werk",
/// "geplaatst", "plaatsing", "succes", "behaald") and no negation or break-off (<see cref="FailureWords"/>:
/// "geen", "niet", "zonder", "uitval", "afgebroken", "voortijdig", "gestopt"), ignoring case and accents.</item>
/// </list>
/// A perceel where no service carries a reason reports no results figures (null): the deliveries do not say.
/// </summary>
public static class TrajectoryResult
{
    public static IReadOnlyList<string> SuccessWords { get; } = ["werk", "geplaatst", "plaatsing", "succes", "behaald"];

    public static IReadOnlyList<string> FailureWords { get; } = ["geen", "niet", "zonder", "uitval", "afgebroken", "voortijdig", "gestopt"];

    public static bool IsCompleted(string? reason) => !string.IsNullOrWhiteSpace(reason);

    public static bool IsSuccessful(string? reason) => IsSuccessful(reason, SuccessWords, FailureWords);

    /// <summary>The same rule with the bureau's own words (the Keurmerk report takes them from its settings).</summary>
    public static bool IsSuccessful(string? reason, IReadOnlyList<string> successWords, IReadOnlyList<string> failureWords)
    {
        if (!IsCompleted(reason)) return false;
        var folded = PerceelNames.Fold(reason!);
        return successWords.Any(w => folded.Contains(PerceelNames.Fold(w), StringComparison.Ordinal))
               && !failureWords.Any(w => folded.Contains(PerceelNames.Fold(w), StringComparison.Ordinal));
    }
}
