namespace Kto.Core;

/// <summary>The survey lives in Dutch time: dates of services, quiet hours and deadlines are Europe/Amsterdam.</summary>
public static class DutchTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static DateTimeOffset ToDutch(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone);

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(ToDutch(time.GetUtcNow()).DateTime);
}
