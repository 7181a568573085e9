namespace Kto.Core.Keurmerk;

/// <summary>
/// The Blik op Werk Keurmerk norms (configuration section <c>Kto:Keurmerk</c>). <b>None of these is confirmed</b>: the
/// Keurmerk's handbook, which sets them per kind of service, is not public. 6.5 is the client threshold public
/// sources give for older years; the rest are placeholders the bureau must set.
/// </summary>
public sealed class KeurmerkSettings
{
    public const string Section = "Keurmerk";

    /// <summary>Mean grade of all clients together that meets the satisfaction norm (older public sources: 6.5).</summary>
    public double ClientSatisfactionMinimum { get; set; } = 6.5;

    /// <summary>Mean grade of the opdrachtgevers (for the cooperation) that meets the norm; unconfirmed, 6.5 like clients.</summary>
    public double OpdrachtgeverSatisfactionMinimum { get; set; } = 6.5;

    /// <summary>Share of completed trajectories that ended successfully that meets the results norm; unconfirmed placeholder.</summary>
    public double MinimumSuccessRate { get; set; } = 0.5;

    /// <summary>
    /// The rule that decides "successful": a completed trajectory whose "reden beëindiging" contains one of these
    /// words (comma-separated, compared ignoring case and accents) …
    /// </summary>
    public string SuccessWords { get; set; } = string.Join(',', Reports.TrajectoryResult.SuccessWords);

    /// <summary>… and none of these.</summary>
    public string FailureWords { get; set; } = string.Join(',', Reports.TrajectoryResult.FailureWords);

    public IReadOnlyList<string> SuccessWordList() => Split(SuccessWords);

    public IReadOnlyList<string> FailureWordList() => Split(FailureWords);

    private static string[] Split(string words) =>
        words.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
