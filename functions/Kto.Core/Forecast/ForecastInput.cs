namespace Kto.Core.Forecast;

/// <summary>One company's year as the forecast reads it at <paramref name="Now"/>.</summary>
/// <param name="Deliveries">When each delivery that was not refused came in.</param>
public sealed record ForecastInput(string Company, int Year, DateTimeOffset Now, IReadOnlyList<ForecastClient> Clients, IReadOnlyList<DateTimeOffset> Deliveries);
