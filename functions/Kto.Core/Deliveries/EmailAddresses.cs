using System.Buffers;

namespace Kto.Core.Deliveries;

/// <summary>
/// A deliberately plain check: one @, no spaces, a dot in the domain before a top-level domain of two or more
/// letters. Enough to catch typing and export errors. Written out rather than as a regex: it runs for every row.
/// </summary>
public static class EmailAddresses
{
    // With ASCII white space, so an ASCII address (nearly all) needs no character-by-character loop.
    private static readonly SearchValues<char> NotInAddress = SearchValues.Create("@<>(),;:\"[] \t\n\v\f\r");

    public static bool IsValid(string? email)
    {
        if (email is null || email.Length > 254 || email.Contains("..", StringComparison.Ordinal)) return false;
        var at = email.IndexOf('@');
        if (at <= 0) return false;
        ReadOnlySpan<char> local = email.AsSpan(0, at), domain = email.AsSpan(at + 1);
        var dot = domain.LastIndexOf('.');
        // At least one character before the last dot; after it only ASCII letters, two or more.
        if (dot <= 0 || domain.Length - dot - 1 < 2 || domain[(dot + 1)..].ContainsAnyExcept(AsciiLetters)) return false;
        return Allowed(local) && Allowed(domain) && !domain.Contains('_');
    }

    private static readonly SearchValues<char> AsciiLetters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private static bool Allowed(ReadOnlySpan<char> part)
    {
        if (part.ContainsAny(NotInAddress)) return false;
        if (System.Text.Ascii.IsValid(part)) return true;
        foreach (var c in part)
            if (char.IsWhiteSpace(c)) return false;
        return true;
    }
}
