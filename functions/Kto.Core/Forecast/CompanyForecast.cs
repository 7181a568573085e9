namespace Kto.Core.Forecast;

/// <summary>A company's forecast for one year, per perceel in <see cref="PerceelNames.All"/> order, as made at <paramref name="MadeAt"/>.</summary>
/// <param name="Yields">The response per approach the projection used, per mode.</param>
public sealed record CompanyForecast(string Company, int Year, DateTimeOffset MadeAt, IReadOnlyList<PerceelForecast> Percelen, RouteYields Yields)
{
    public bool AtRisk => Percelen.Any(p => p.AtRisk);
}
