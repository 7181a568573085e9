using System.Globalization;
using System.Text.RegularExpressions;

namespace Kto.Core.Deliveries;

/// <summary>
/// Reads the dates companies write: ISO (optionally with a time), Dutch day-first forms with "-", "/" or ".",
/// and spreadsheet date cells (real dates or serial numbers).
/// </summary>
internal static partial class DeliveryDates
{
    // Excel's serial day numbers for 1 January 1900 and 31 December 9999.
    private const double FirstSerial = 1;
    private const double LastSerial = 2958465;

    public static bool TryParse(object? cell, out DateOnly date)
    {
        date = default;
        switch (cell)
        {
            case DateTime dateTime:
                date = DateOnly.FromDateTime(dateTime);
                return true;
            case DateOnly dateOnly:
                date = dateOnly;
                return true;
            case double serial:
                return TryFromNumber(serial, out date);
            case string text:
                return TryParseText(text, out date);
            default:
                return false;
        }
    }

    private static bool TryFromNumber(double number, out DateOnly date)
    {
        date = default;
        // A number like 20250315 is a date typed without separators, not a serial (which would be far beyond 9999).
        if (number == Math.Floor(number) && number is >= 19000101 and <= 99991231)
        {
            return TryParseText(((long)number).ToString(CultureInfo.InvariantCulture), out date);
        }
        if (number is < FirstSerial or > LastSerial) return false;
        date = DateOnly.FromDateTime(DateTime.FromOADate(number));
        return true;
    }

    private static bool TryParseText(string text, out DateOnly date)
    {
        date = default;
        text = text.Trim();
        if (IsoDate().Match(text) is { Success: true } iso)
        {
            return TryBuild(iso.Groups["y"].Value, iso.Groups["m"].Value, iso.Groups["d"].Value, out date);
        }
        if (DayFirstDate().Match(text) is { Success: true } dutch)
        {
            return TryBuild(dutch.Groups["y"].Value, dutch.Groups["m"].Value, dutch.Groups["d"].Value, out date);
        }
        if (CompactDate().Match(text) is { Success: true } compact)
        {
            return TryBuild(compact.Groups["y"].Value, compact.Groups["m"].Value, compact.Groups["d"].Value, out date);
        }
        return false;
    }

    private static bool TryBuild(string year, string month, string day, out DateOnly date)
    {
        date = default;
        var y = int.Parse(year, CultureInfo.InvariantCulture);
        var m = int.Parse(month, CultureInfo.InvariantCulture);
        var d = int.Parse(day, CultureInfo.InvariantCulture);
        if (y < 1 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return false;
        date = new DateOnly(y, m, d);
        return true;
    }

    private const string Time = @"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?";

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})" + Time + "$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    // The same separator twice: "15-03-2025", "5/3/2025", "15.03.2025".
    [GeneratedRegex(@"^(?<d>\d{1,2})(?<sep>[-/.])(?<m>\d{1,2})\k<sep>(?<y>\d{4})" + Time + "$", RegexOptions.CultureInvariant)]
    private static partial Regex DayFirstDate();

    [GeneratedRegex(@"^(?<y>(?:19|20)\d{2})(?<m>\d{2})(?<d>\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex CompactDate();
}
