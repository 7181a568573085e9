using System.Globalization;

namespace Kto.Core.Deliveries;

/// <summary>Turns a raw cell (CSV text or a spreadsheet value) into trimmed text; empty becomes null.</summary>
internal static class CellText
{
    /// <summary>Text of a cell without cutting; spreadsheet numbers lose a ".0" (klantnummer 123456.0 → "123456").</summary>
    public static string? Of(object? cell) =>
        // A CSV cell is always a string, nearly always without padding: then it is its own text (Trim gives the same
        // string back). Small enough to be inlined where every cell of a row is read; anything else is read below.
        cell is string written && written.Length != 0 && !char.IsWhiteSpace(written[0]) && !char.IsWhiteSpace(written[^1])
            ? written
            : OfAny(cell);

    private static string? OfAny(object? cell)
    {
        if (cell is string written)
        {
            var trimmed = written.Trim();
            return trimmed.Length == 0 ? null : trimmed;
        }
        var text = cell switch
        {
            null or DBNull => null,
            string s => s,
            double d => FormatNumber(d),
            float f => FormatNumber(f),
            decimal m => m.ToString(CultureInfo.InvariantCulture),
            DateTime dt => dt.TimeOfDay == TimeSpan.Zero
                ? dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : dt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => cell.ToString(),
        };
        if (text is null) return null;
        text = text.Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>Text of a cell cut to <paramref name="maxLength"/>: no contract field is that long.</summary>
    public static string? Of(object? cell, int maxLength)
    {
        var text = Of(cell);
        return text is not null && text.Length > maxLength ? text[..maxLength].TrimEnd() : text;
    }

    public static bool IsEmpty(object? cell) => cell switch
    {
        null or DBNull => true,
        string s => string.IsNullOrWhiteSpace(s),
        _ => false,
    };

    private static string FormatNumber(double value) =>
        // Stryker disable once Equality : at exactly 1e15 the "R" format writes the same 16 digits as the long does
        value == Math.Floor(value) && Math.Abs(value) < 1e15
            ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);
}
