using Kto.Core.Forecast;

namespace Kto.Functions.Forecast;

/// <summary>The response forecast per perceel of a company and year (default: the current year), with the actions that raise it.</summary>
public sealed class ForecastFunction(ForecastService forecasts, TimeProvider time)
{
    [CompanyAccess]
    [Function(nameof(Forecast))]
    public async Task<IActionResult> Forecast(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/companies/{company}/forecast")] HttpRequest request,
        string company,
        CancellationToken cancellationToken)
    {
        if (!YearQuery.TryRead(request, time, out var year)) return YearQuery.Invalid();
        return ApiResults.Json(ForecastJson.From(await forecasts.ForYearAsync(company, year, cancellationToken)));
    }
}
