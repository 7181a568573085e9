namespace Kto.Core.Forecast;

/// <summary>A company's forecast for a year (<see cref="ForecastService"/>); the digest asks through this so its tests can hand in forecasts.</summary>
public interface ICompanyForecasts
{
    Task<CompanyForecast> ForYearAsync(string company, int year, CancellationToken cancellationToken);
}
