namespace Kto.Core.Forecast;

/// <summary>
/// One perceel's response so far and projected to the end of fieldwork. The projection and range are null when
/// nothing ended and nothing is expected to.
/// </summary>
/// <param name="ExpectedEnded">Ended services expected in all: those so far and those still to be delivered.</param>
/// <param name="ProjectedLow">Low end of the range (a central range of <see cref="ForecastSettings.RangeZ"/> standard deviations).</param>
/// <param name="ResponseAtRisk">The range reaches below the minimum response (or respondents), and the perceel is not small enough for exemption.</param>
/// <param name="GradeAtRisk">The mean grade so far is not safely above the minimum grade (the same range around it reaches below).</param>
public sealed record PerceelForecast(
    Perceel Perceel,
    int Ended,
    int Responded,
    double ResponseRate,
    double Minimum,
    double ExpectedEnded,
    double? ProjectedResponseRate,
    double? ProjectedLow,
    double? ProjectedHigh,
    double? MeanGrade,
    bool ResponseAtRisk,
    bool GradeAtRisk,
    IReadOnlyList<ForecastAction> Actions)
{
    public bool AtRisk => ResponseAtRisk || GradeAtRisk;

    public string PerceelName => PerceelNames.DisplayName(Perceel);
}
