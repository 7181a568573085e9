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
    IReadOnlyList<PopulationChange>? PopulationChanges = null);
