using System.Text.Json.Serialization;

namespace Kto.Core.Reports;

/// <summary>
/// The counted facts of one perceel for one company and year, as aggregated from storage. No statistics here:
/// <see cref="AnnualReportBuilder"/> derives those.
/// </summary>
/// <param name="Ended">N: services that ended in the measurement year (the population).</param>
/// <param name="Approached">Services with at least one contact attempt; UWV requires Approached = Ended.</param>
/// <param name="AttemptsByMode">Attempts per mode; null when not known (then the method account is incomplete).</param>
/// <param name="AttemptsPerService">Distribution: how many services got 1, 2, 3… attempts.</param>
/// <param name="Responded">n: services whose client submitted the questionnaire.</param>
/// <param name="Grades">The rapportcijfers given (1–10).</param>
/// <param name="QuestionResults">One result per question of the questionnaire version.</param>
/// <param name="CompletedTrajectories">Blik op Werk results norm: completed trajectories, when deliveries say so.</param>
/// <param name="SuccessfulTrajectories">Blik op Werk results norm: successfully completed trajectories, when known.</param>
/// <param name="ResponsesPerMonth">Responses per calendar month of the service's end date, January first; 12 numbers.</param>
/// <param name="PopulationChanges">The bureau's withdrawals and corrections counted in this perceel, per reason (the method
/// section); empty when none, null in drafts made before corrections existed.</param>
/// <param name="ApproachedByMode">Services approached at least once per mode (e-mail, letter, phone); one client can count in several. Null in drafts made before it was counted.</param>
/// <param name="RespondedByMode">Respondents per way of answering (web, phone, paper); null in drafts made before it was counted.</param>
/// <param name="Unreachable">Services without a usable e-mail address, postal address or phone number who did not respond (<c>OfflineRoute.Unreachable</c>); null when not counted.</param>
public sealed record PerceelFigures(
    [property: JsonConverter(typeof(PerceelJsonConverter))] Perceel Perceel,
    int Ended,
    int Approached,
    ContactAttempts? AttemptsByMode,
    IReadOnlyList<AttemptCount> AttemptsPerService,
    int Responded,
    IReadOnlyList<int> Grades,
    IReadOnlyList<QuestionResult> QuestionResults,
    int? CompletedTrajectories,
    int? SuccessfulTrajectories,
    IReadOnlyList<int> ResponsesPerMonth,
    IReadOnlyList<PopulationChange>? PopulationChanges = null,
    ContactAttempts? ApproachedByMode = null,
    ResponsesByMode? RespondedByMode = null,
    int? Unreachable = null)
{
    /// <summary>Mean approaches per ended service (those never approached count as 0); null when nothing ended.</summary>
    public double? MeanAttemptsPerService => Ended == 0 || AttemptsPerService.Count == 0
        ? null
        : Math.Round(AttemptsPerService.Sum(a => (double)a.Attempts * a.Services) / Ended, 2);

    /// <summary>The most approaches any one service had; null when nothing ended.</summary>
    public int? MaxAttemptsPerService => AttemptsPerService.Count == 0 ? null : AttemptsPerService.Max(a => a.Attempts);

    /// <summary>The ways clients were approached ("e-mail, brief en telefoon"), from <see cref="ApproachedByMode"/> or else the attempts.</summary>
    public string ModesUsedText()
    {
        var modes = ApproachedByMode ?? AttemptsByMode;
        if (modes is null) return "niet bekend";
        var used = new[] { (modes.Email, "e-mail"), (modes.Letter, "brief"), (modes.Phone, "telefoon") }.Where(m => m.Item1 > 0).Select(m => m.Item2).ToList();
        return used.Count switch
        {
            0 => "geen",
            1 => used[0],
            _ => string.Join(", ", used.Take(used.Count - 1)) + " en " + used[^1],
        };
    }
}
