namespace Kto.Core.Deliveries;

/// <summary>
/// Recognises Dutch citizen service numbers (BSN) by the 11-proef, so they can be kept out of the system.
/// </summary>
public static class Bsn
{
    /// <summary>True when <paramref name="digits"/> is exactly nine digits passing the 11-proef.</summary>
    public static bool IsValid(string? digits) => digits is not null && IsValid(digits.AsSpan());

    /// <inheritdoc cref="IsValid(string?)"/>
    public static bool IsValid(ReadOnlySpan<char> digits)
    {
        if (digits.Length != 9) return false;
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            var c = digits[i];
            if (c is < '0' or > '9') return false;
            var weight = i == 8 ? -1 : 9 - i;
            sum += weight * (c - '0');
        }
        return sum > 0 && sum % 11 == 0;
    }

    /// <summary>
    /// True when a whole field value is a BSN, also when written with spaces or dots ("111 222 333", "111.222.333").
    /// </summary>
    public static bool LooksLikeBsn(string? value) => value is not null && LooksLikeBsn(value.AsSpan());

    /// <inheritdoc cref="LooksLikeBsn(string?)"/>
    public static bool LooksLikeBsn(ReadOnlySpan<char> value)
    {
        value = value.Trim();
        if (value.IsEmpty || value.Length > 20) return false;
        Span<char> digits = stackalloc char[9];
        var count = 0;
        foreach (var c in value)
        {
            if (c is ' ' or '.' or '\u00A0') continue;
            if (c is < '0' or > '9' || count == 9) return false;
            digits[count++] = c;
        }
        return count == 9 && IsValid(digits);
    }

    /// <summary>
    /// True when any nine consecutive digits in the text (spaces and dots skipped) pass the 11-proef.
    /// Deliberately broad: used to decide whether a value may be quoted back in a message.
    /// </summary>
    public static bool MayContainBsn(string? text)
    {
        if (string.IsNullOrEmpty(text)) return false;
        var digits = new System.Text.StringBuilder();
        foreach (var c in text)
        {
            if (c is >= '0' and <= '9') digits.Append(c);
            else if (c is ' ' or '.' or '\u00A0') continue;
            else if (HasValidWindow(digits)) return true;
            else digits.Clear();
        }
        return HasValidWindow(digits);
    }

    private static bool HasValidWindow(System.Text.StringBuilder digits)
    {
        var run = digits.ToString();
        for (var start = 0; start + 9 <= run.Length; start++)
        {
            if (IsValid(run.Substring(start, 9))) return true;
        }
        return false;
    }
}
