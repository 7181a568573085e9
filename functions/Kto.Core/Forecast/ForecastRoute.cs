namespace Kto.Core.Forecast;

/// <summary>How the remaining approaches of an open client go: by e-mail, else by letter, else by phone, else not at all.</summary>
public enum ForecastRoute { Email, Letter, Phone, Unreachable }
