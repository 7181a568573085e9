using System.Globalization;

namespace Kto.Core;

/// <summary>
/// The survey lives in Dutch time: dates of services, quiet hours and deadlines are Europe/Amsterdam, and dates are
/// written the Dutch way ("1 maart 2027"). A machine without time-zone data fails at start, never quietly in UTC.
/// </summary>
public static class DutchTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>How every page, mail and report writes a date: day, month name, year ("1 maart 2027").</summary>
    public const string DateFormat = "d MMMM yyyy";

    public static DateTimeOffset ToDutch(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone);

    public static DateOnly Today(TimeProvider time) => DateOf(time.GetUtcNow());

    /// <summary>The calendar day in the Netherlands at <paramref name="moment"/> (UWV's deadlines mean that day).</summary>
    public static DateOnly DateOf(DateTimeOffset moment) => DateOnly.FromDateTime(ToDutch(moment).DateTime);

    /// <summary>"1 maart 2027".</summary>
    public static string Format(DateOnly date) => date.ToString(DateFormat, Culture);

    /// <summary>The Dutch calendar day of <paramref name="moment"/>, written as <see cref="Format(DateOnly)"/>.</summary>
    public static string Format(DateTimeOffset moment) => ToDutch(moment).ToString(DateFormat, Culture);
}
