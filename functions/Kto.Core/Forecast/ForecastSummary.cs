using System.Text.Json.Serialization;

namespace Kto.Core.Forecast;

/// <summary>What the bureau overview keeps of a perceel's forecast: its projected range and whether it is at risk.</summary>
/// <param name="Perceel">The display name, as in progress.</param>
public sealed record ForecastSummary(string Perceel, double Low, double High, bool AtRisk)
{
    public static IReadOnlyList<ForecastSummary> Of(CompanyForecast forecast) =>
        forecast.Percelen.Where(p => p.ProjectedLow is not null)
            .Select(p => new ForecastSummary(p.PerceelName, p.ProjectedLow!.Value, p.ProjectedHigh!.Value, p.AtRisk)).ToList();

    /// <summary>"24–31 %": the range in whole percents, as the pages write it.</summary>
    [JsonIgnore]
    public string RangeText => $"{Math.Round(Low * 100, MidpointRounding.AwayFromZero):0}–{Math.Round(High * 100, MidpointRounding.AwayFromZero):0} %";
}
