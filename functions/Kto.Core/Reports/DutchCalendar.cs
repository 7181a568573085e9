using System.Globalization;

namespace Kto.Core.Reports;

/// <summary>Dates as UWV's deadline means them: the calendar day in the Netherlands, written in Dutch.</summary>
internal static class DutchCalendar
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
    private static readonly TimeZoneInfo? Amsterdam = FindAmsterdam();

    public static DateOnly DateOf(DateTimeOffset moment) =>
        DateOnly.FromDateTime(Amsterdam is null ? moment.UtcDateTime : TimeZoneInfo.ConvertTime(moment, Amsterdam).DateTime);

    /// <summary>"1 maart 2027".</summary>
    public static string Format(DateOnly date) => date.ToString("d MMMM yyyy", Dutch);

    private static TimeZoneInfo? FindAmsterdam()
    {
        // A machine without time-zone data falls back to UTC: at most one hour off around midnight.
        try { return TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"); }
        catch (TimeZoneNotFoundException) { return null; }
        catch (InvalidTimeZoneException) { return null; }
    }
}
