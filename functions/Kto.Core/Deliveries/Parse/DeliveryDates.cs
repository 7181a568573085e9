using System.Globalization;
using System.Numerics;
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
        // Stryker disable once Equality : 99991231 is no compact date (19xx/20xx only) and far past the last serial: no date either way
        if (number == Math.Floor(number) && number is >= 19000101 and <= 99991231)
        {
            return TryParseText(((long)number).ToString(CultureInfo.InvariantCulture), out date);
        }
        // Written as "inside the range" so NaN (which compares false both ways) is no date either; FromOADate throws on it.
        if (!(number >= FirstSerial && number <= LastSerial)) return false;
        date = DateOnly.FromDateTime(DateTime.FromOADate(number));
        return true;
    }

    private static bool TryParseText(string text, out DateOnly date)
    {
        date = default;
        text = text.Trim();
        // The two shapes nearly every export uses, without a time: read directly, the regexes below decide the rest.
        if (TryPlainShape(text.AsSpan(), out var plain, out var matched)) { date = plain; return matched; }
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

    /// <summary>
    /// A CSV cell's UTF-8 bytes that are exactly one of the plain shapes (<see cref="TryPlainShape"/>: nothing around
    /// it, no time) and a real date: the date <see cref="TryParse"/> reads from the cell's text, without making the
    /// text. False for anything else, which is then read as text.
    /// </summary>
    public static bool TryParsePlain(ReadOnlySpan<byte> utf8, out DateOnly date)
    {
        // "dd-mm-yyyy" with every digit written (nearly every export) read at fixed positions, a third faster than
        // counting digit runs: the same separator twice and the same three numbers TryPlainShape finds in it.
        if (utf8.Length == 10 && utf8[2] is (byte)'-' or (byte)'/' or (byte)'.' && utf8[5] == utf8[2]
            && IsDigit(utf8[0]) && IsDigit(utf8[1]) && IsDigit(utf8[3]) && IsDigit(utf8[4])
            && IsDigit(utf8[6]) && IsDigit(utf8[7]) && IsDigit(utf8[8]) && IsDigit(utf8[9]))
        {
            var year = (utf8[6] - '0') * 1000 + (utf8[7] - '0') * 100 + (utf8[8] - '0') * 10 + (utf8[9] - '0');
            return TryBuild(year, (utf8[3] - '0') * 10 + (utf8[4] - '0'), (utf8[0] - '0') * 10 + (utf8[1] - '0'), out date);
        }
        return TryOtherPlainShape(utf8, out date);
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    /// <summary>Every plain shape, as the general reading decides it (a method of its own, so the fast path above stays small).</summary>
    internal static bool TryOtherPlainShape(ReadOnlySpan<byte> utf8, out DateOnly date) => TryPlainShape(utf8, out date, out var valid) && valid;

    /// <summary>
    /// "dd-mm-yyyy" / "d/m/yyyy" / "dd.mm.yyyy" (one separator, used twice) or "yyyy-mm-dd", ASCII digits only and
    /// nothing else: exactly what <see cref="DayFirstDate"/> and <see cref="IsoDate"/> match without a time. The same
    /// code reads a cell's text (chars) and a CSV cell's UTF-8 bytes; a byte that is no ASCII digit ends a run of
    /// digits, so a non-ASCII byte never passes for one.
    /// </summary>
    /// <returns>True when the text has one of these shapes; then <paramref name="valid"/> says whether it is a real date.</returns>
    private static bool TryPlainShape<T>(ReadOnlySpan<T> text, out DateOnly date, out bool valid) where T : unmanaged, IBinaryInteger<T>
    {
        date = default;
        valid = false;
        // d-m-yyyy up to dd-mm-yyyy, yyyy-m-d up to yyyy-mm-dd: known at once for most cells.
        if (text.Length is < 8 or > 10) return false;
        var first = Digits(text, 0);
        if (first is 1 or 2)
        {
            var separator = Code(text[first]);
            if (separator is not ('-' or '/' or '.')) return false;
            var second = Digits(text, first + 1);
            if (second is not (1 or 2)) return false;
            var yearAt = first + 1 + second + 1;
            if (yearAt + 4 != text.Length || Code(text[yearAt - 1]) != separator || Digits(text, yearAt) != 4) return false;
            valid = TryBuild(Number(text, yearAt, 4), Number(text, first + 1, second), Number(text, 0, first), out date);
            return true;
        }
        if (first == 4 && Code(text[4]) == '-')
        {
            var month = Digits(text, 5);
            if (month is not (1 or 2) || 5 + month >= text.Length || Code(text[5 + month]) != '-') return false;
            var day = Digits(text, 6 + month);
            if (day is not (1 or 2) || 6 + month + day != text.Length) return false;
            valid = TryBuild(Number(text, 0, 4), Number(text, 5, month), Number(text, 6 + month, day), out date);
            return true;
        }
        return false;
    }

    private static int Code<T>(T unit) where T : unmanaged, IBinaryInteger<T> => int.CreateTruncating(unit);

    /// <summary>How many ASCII digits follow from <paramref name="start"/> (stops at 5: no shape needs more).</summary>
    private static int Digits<T>(ReadOnlySpan<T> text, int start) where T : unmanaged, IBinaryInteger<T>
    {
        var count = 0;
        while (start + count < text.Length && count < 5 && Code(text[start + count]) is >= '0' and <= '9') count++;
        return count;
    }

    private static int Number<T>(ReadOnlySpan<T> text, int start, int length) where T : unmanaged, IBinaryInteger<T>
    {
        var value = 0;
        for (var i = start; i < start + length; i++) value = value * 10 + (Code(text[i]) - '0');
        return value;
    }

    /// <summary>From the regexes' groups. Their \d also matches non-ASCII digits ("١٥"), which int parsing refuses: not a date.</summary>
    private static bool TryBuild(string year, string month, string day, out DateOnly date)
    {
        date = default;
        return int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            && TryBuild(y, m, d, out date);
    }

    private static bool TryBuild(int y, int m, int d, out DateOnly date)
    {
        date = default;
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
