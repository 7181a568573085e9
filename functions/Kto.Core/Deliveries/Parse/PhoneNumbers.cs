using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Kto.Core.Deliveries;

/// <summary>
/// Normalises phone numbers. Spreadsheets store them as numbers and drop the leading 0 (612345678, or
/// 6.12345678E+08 once exported): Dutch numbers are 10 digits starting with 0, international ones start with +.
/// </summary>
internal static partial class PhoneNumbers
{
    public static string? Normalise(object? cell) =>
        // Nearly every CSV cell is a Dutch number written out ("0612345678"): already normal, answered inline.
        cell is string text && IsWrittenDutchNumber(text) ? text : NormaliseAny(cell);

    /// <summary>ASCII digits starting with one 0 (not the international 00): the text <see cref="FromText"/> gives back unchanged.</summary>
    private static bool IsWrittenDutchNumber(string text) =>
        text.Length >= 2 && text[0] == '0' && text[1] != '0' && !text.AsSpan().ContainsAnyExceptInRange('0', '9');

    private static string? NormaliseAny(object? cell) => cell switch
    {
        double number => FromNumber(number),
        float number => FromNumber(number),
        int or long or decimal => FromDigits(Convert.ToDecimal(cell, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture), international: false),
        _ => FromText(CellText.Of(cell)),
    };

    private static string? FromNumber(double number)
    {
        if (number <= 0 || number != Math.Floor(number) || number >= 1e15) return null;
        return FromDigits(((long)number).ToString(CultureInfo.InvariantCulture), international: false);
    }

    private static string? FromText(string? text)
    {
        if (text is null) return null;
        // The common case, digits only ("0612345678"): nothing to strip.
        if (text.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0)
            return text.StartsWith("00", StringComparison.Ordinal) ? FromDigits(text[2..], international: true) : FromDigits(text, international: false);
        if (Scientific().IsMatch(text) &&
            double.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return FromNumber(number);
        }
        var international = text.StartsWith('+');
        // "+31 (0)6 …": the (0) is only for dialling within the country.
        var withoutTrunk = text.Replace("(0)", "", StringComparison.Ordinal);
        var digits = new StringBuilder(withoutTrunk.Length);
        foreach (var c in withoutTrunk)
        {
            if (c is >= '0' and <= '9') digits.Append(c);
        }
        if (digits.Length == 0) return null;
        var all = digits.ToString();
        if (!international && all.StartsWith("00", StringComparison.Ordinal))
        {
            international = true;
            all = all[2..];
        }
        return FromDigits(all, international);
    }

    private static string FromDigits(string digits, bool international)
    {
        if (international || (digits.Length == 11 && digits.StartsWith("31", StringComparison.Ordinal)))
        {
            // "+31 06…" written by hand: the national 0 does not belong after the country code.
            if (digits.StartsWith("310", StringComparison.Ordinal)) digits = "31" + digits[3..];
            return "+" + digits;
        }
        return digits.Length == 9 && digits[0] != '0' ? "0" + digits : digits;
    }

    [GeneratedRegex(@"^\d+(?:[.,]\d+)?[eE]\+?\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex Scientific();
}
