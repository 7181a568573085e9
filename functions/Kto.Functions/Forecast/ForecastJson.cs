using Kto.Core.Forecast;

namespace Kto.Functions.Forecast;

/// <summary>
/// The forecast as the API gives it (and <c>./kto forecast</c> prints), named like the progress API; rates are fractions.
/// </summary>
public static class ForecastJson
{
    public static object From(CompanyForecast forecast) => new
    {
        company = forecast.Company,
        year = forecast.Year,
        percelen = forecast.Percelen.Select(p => new
        {
            perceel = p.PerceelName,
            ended = p.Ended,
            responded = p.Responded,
            responseRate = p.ResponseRate,
            minimum = p.Minimum,
            projectedResponseRate = p.ProjectedResponseRate,
            projectedRange = p.ProjectedLow is { } low && p.ProjectedHigh is { } high ? new[] { low, high } : null,
            atRisk = p.AtRisk,
            actions = p.Actions.Select(a => new
            {
                action = a.Text,
                clients = a.Clients,
                expectedResponses = a.ExpectedResponses,
                link = ForecastLinks.For(a.Kind, forecast.Company, forecast.Year),
            }),
        }),
    };
}
