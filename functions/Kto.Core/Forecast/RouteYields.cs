namespace Kto.Core.Forecast;

/// <summary>Response per approach of one mode: responses and approaches counted, and the yield estimated from them.</summary>
/// <param name="Sd">Standard deviation of the estimate, sqrt(q(1 − q) / (approaches + prior weight)).</param>
public sealed record ModeYield(int Responses, int Approaches, double Yield, double Sd);

/// <summary>The yields per mode the projection uses (<see cref="ResponseForecaster"/>).</summary>
public sealed record RouteYields(ModeYield Email, ModeYield Letter, ModeYield Phone);
