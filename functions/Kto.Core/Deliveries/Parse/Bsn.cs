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
    /// True when a whole field value is a BSN as spreadsheets and people write one: nine digits, also grouped with
    /// spaces (any Unicode space), dots or hyphens ("111 222 333", "123.456.782", "123-456-782"), or wrapped as Excel
    /// text (<c>="123456782"</c>, <c>'123456782</c>); and eight digits that are a BSN once the leading 0 a number
    /// cell drops is put back (the number 12345672 is BSN 012345672), written plain or in thousands ("12.345.672").
    /// Dates (2-2-4 digits) and phone numbers in their own column are never asked.
    /// </summary>
    public static bool LooksLikeBsn(string? value) => value is not null && LooksLikeBsn(value.AsSpan());

    /// <inheritdoc cref="LooksLikeBsn(string?)"/>
    public static bool LooksLikeBsn(ReadOnlySpan<char> value)
    {
        // Most values (names, addresses, e-mail) hold an ASCII character no written BSN has, and a phone number or
        // any other number has a count of digits no BSN has (every form below has eight or nine): known at once.
        return MayBeBsn(value) && LooksLikeWrittenBsn(value);
    }

    /// <summary>
    /// The exact check, for the few values with eight or nine digits and nothing that rules a BSN out. Kept out of
    /// <see cref="LooksLikeBsn(ReadOnlySpan{char})"/>: its stack buffers would be cleared on every call, also the
    /// many that need none.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    internal static bool LooksLikeWrittenBsn(ReadOnlySpan<char> value)
    {
        // Only digits (a phone number, a plain number): the rules below come down to the length.
        if (!value.IsEmpty && !value.ContainsAnyExceptInRange('0', '9'))
            return value.Length == 9 ? IsValid(value) : value.Length == 8 && IsValid(string.Concat("0", value));
        value = Unwrap(TrimBlank(value));
        // Stryker disable once Logical,Equality : a guard for cost only; an empty value or one longer than 32 characters fails the loop below as well
        if (value.IsEmpty || value.Length > MaxWrittenLength) return false;
        Span<char> digits = stackalloc char[9];
        Span<int> groups = stackalloc int[9];
        int count = 0, groupCount = 0;
        var afterSeparator = true; // no separator at the start, none twice in a row
        foreach (var c in value)
        {
            if (c is >= '0' and <= '9')
            {
                if (count == 9) return false;
                if (afterSeparator) groups[groupCount++] = 0;
                groups[groupCount - 1]++;
                digits[count++] = c;
                afterSeparator = false;
            }
            else if (IsSeparator(c) && !afterSeparator) afterSeparator = true;
            else return false;
        }
        if (afterSeparator) return false;
        if (count == 9) return IsValid(digits);
        // Eight digits: only plain or in thousands, so a date such as 12-03-1985 is never taken for one.
        if (count != 8 || !IsThousands(groups[..groupCount])) return false;
        digits[..8].CopyTo(digits[1..]);
        digits[0] = '0';
        return IsValid(digits);
    }

    /// <summary>
    /// False when <paramref name="value"/> holds a <see cref="NeverInBsn"/> character, other than eight or nine ASCII
    /// digits, or eight digits in runs no written BSN has (one run of eight, or runs of at most three as in thousands:
    /// a date such as 12-03-1985 has a run of four). One pass with a table, cheaper than a search call on values this
    /// short (it runs for every cell); whatever it lets through, <see cref="LooksLikeWrittenBsn"/> decides exactly.
    /// </summary>
    private static bool MayBeBsn(ReadOnlySpan<char> value)
    {
        int digits = 0, run = 0, longestRun = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
                longestRun = Math.Max(longestRun, ++run);
                continue;
            }
            run = 0;
            if (c < 0x80 && NeverInBsnTable[c]) return false;
        }
        return DigitCountMayBeBsn(digits, longestRun);
    }

    /// <summary>
    /// True when a value starting with <paramref name="first"/> is no BSN whatever follows: an ASCII character no
    /// written BSN has (a letter, "@"). <see cref="LooksLikeBsn(ReadOnlySpan{char})"/> answers false for such a value at
    /// its first character; this lets a caller that checks many values skip the call for most.
    /// </summary>
    internal static bool RuledOutByFirst(char first) => first < 0x80 && NeverInBsnTable[first];

    /// <summary>Whether a value with this many ASCII digits, the longest run this long, may be a written BSN (see <see cref="MayBeBsn"/>).</summary>
    internal static bool DigitCountMayBeBsn(int digits, int longestRun) =>
        digits == 9 || (digits == 8 && longestRun is <= 3 or 8);

    // Every ASCII character except digits, the separators, Excel's text wrappers (= " ') and ASCII white space (with
    // U+001C–U+001F, blank here too): a value holding one is no BSN by the rules below. Non-ASCII characters are left to them.
    private static readonly System.Buffers.SearchValues<char> NeverInBsn = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x80).Select(c => (char)c).Where(c => !char.IsAsciiDigit(c) && c is not ('.' or '-' or '=' or '"' or '\'' or ' ' or (>= '\t' and <= '\r') or (>= '\u001C' and <= '\u001F')))]);

    // The same set as a table (declared after it: static fields are set in order).
    private static readonly bool[] NeverInBsnTable = [.. Enumerable.Range(0, 0x80).Select(c => NeverInBsn.Contains((char)c))];

    // Nine digits with a separator between each, inside ="…": anything longer is text, not a number.
    private const int MaxWrittenLength = 32;

    private static bool IsSeparator(char c) =>
        // Zero-width spaces are no white space to .NET, but as invisible in a cell as any other space.
        c is '.' or '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2212' || IsBlank(c);

    /// <summary>One group, or a first group of 1–3 digits followed by groups of exactly three.</summary>
    private static bool IsThousands(ReadOnlySpan<int> groups)
    {
        if (groups.Length == 1) return true;
        // Stryker disable once Equality : with exactly eight digits the only grouped shape is 2-3-3, so the edges 1 and 3 are never reached
        if (groups[0] is < 1 or > 3) return false;
        foreach (var group in groups[1..])
            if (group != 3) return false;
        return true;
    }

    /// <summary>The text inside Excel's ways of keeping a number as text: <c>="…"</c> and a leading apostrophe.</summary>
    private static ReadOnlySpan<char> Unwrap(ReadOnlySpan<char> value)
    {
        if (value.StartsWith("=\"") && value.Length >= 3 && value[^1] == '"') return TrimBlank(value[2..^1]);
        if (value.StartsWith('\'')) return TrimBlank(value[1..]);
        return value;
    }

    // The information separators U+001C–U+001F are white space to Unicode (not to .NET) and invisible in a cell:
    // groups kept apart by them are still a BSN.
    private static bool IsBlank(char c) => char.IsWhiteSpace(c) || c is '\u200B' or '\u2060' or '\uFEFF' or (>= '\u001C' and <= '\u001F');

    private static ReadOnlySpan<char> TrimBlank(ReadOnlySpan<char> value)
    {
        var start = 0;
        while (start < value.Length && IsBlank(value[start])) start++;
        var end = value.Length;
        while (end > start && IsBlank(value[end - 1])) end--;
        return value[start..end];
    }

    /// <summary>
    /// True when any nine consecutive digits in the text (spaces, dots and hyphens skipped) pass the 11-proef.
    /// Deliberately broad: used to decide whether a column name may be shown in a receipt.
    /// </summary>
    public static bool MayContainBsn(string? text)
    {
        if (string.IsNullOrEmpty(text)) return false;
        var digits = new System.Text.StringBuilder();
        foreach (var c in text)
        {
            if (c is >= '0' and <= '9') digits.Append(c);
            else if (IsSeparator(c)) continue;
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
