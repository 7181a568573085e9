using System.Buffers;
using MimeKit;

namespace Kto.Core.Deliveries;

/// <summary>
/// A deliberately plain check: one @, no spaces, a dot in the domain before a top-level domain of two or more
/// letters. Enough to catch typing and export errors. Written out rather than as a regex: it runs for every row.
/// On top of it the address must be one the mail sender can use: MimeKit (which MailKit sends with) must parse it
/// exactly as written, so a control character or anything else it refuses is caught at ingest, not in the mail run.
/// </summary>
public static class EmailAddresses
{
    // With ASCII white space, so an ASCII address (nearly all) needs no character-by-character loop.
    private static readonly SearchValues<char> NotInAddress = SearchValues.Create("@<>(),;:\"[] \t\n\v\f\r");

    public static bool IsValid(string? email) => email is not null && (IsPlainValid(email) || IsValidByRules(email));

    private static bool IsValidByRules(string email)
    {
        if (email.Length > 254 || email.Contains("..", StringComparison.Ordinal)) return false;
        var at = email.IndexOf('@');
        if (at <= 0) return false;
        ReadOnlySpan<char> local = email.AsSpan(0, at), domain = email.AsSpan(at + 1);
        var dot = domain.LastIndexOf('.');
        // At least one character before the last dot; after it only ASCII letters, two or more.
        if (dot <= 0 || domain.Length - dot - 1 < 2 || domain[(dot + 1)..].ContainsAnyExcept(AsciiLetters)) return false;
        return Allowed(local) && Allowed(domain) && !domain.Contains('_') && (IsPlainDotAtom(local, domain) || SenderAccepts(email));
    }

    /// <summary>
    /// The common case with a few searches, without the rules below: ASCII, one @, a local part of
    /// <see cref="PlainLocal"/> characters without a dot at either end or two in a row, host labels of
    /// <see cref="PlainDomain"/> characters that are not empty and neither start nor end with a hyphen, no "--" in the
    /// host (so no punycode "xn--"), and a top-level domain of two or more letters. True only when
    /// <see cref="IsValidByRules"/> says so as well (it is then a plain dot-atom, see <see cref="IsPlainDotAtom"/>);
    /// false means "ask the rules", which decide every other address.
    /// </summary>
    internal static bool IsPlainValid(string email)
    {
        // A few vectorised searches instead of a loop over every character: an address is short, but a search call
        // covers it in one or two steps where the loop took a branch per character.
        var address = email.AsSpan();
        var at = address.IndexOf('@');
        if (at <= 0 || address.Length > 254) return false;
        ReadOnlySpan<char> local = address[..at], host = address[(at + 1)..];
        // Both sets are ASCII and hold no @ (so a second @ fails here too).
        if (local.ContainsAnyExcept(PlainLocal) || host.IsEmpty || host.ContainsAnyExcept(PlainDomain)) return false;
        if (local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal)) return false;
        // A label that is empty, starts or ends with a hyphen, or holds "--": two of "." and "-" in a row, or one at
        // the start (one at the end leaves no top-level domain of letters below).
        if (host[0] is '.' or '-' || HasDotOrHyphenPair(host)) return false;
        var lastDot = host.LastIndexOf('.');
        return lastDot >= 0 && host.Length - lastDot - 1 >= 2 && !host[(lastDot + 1)..].ContainsAnyExcept(AsciiLetters);
    }

    private static bool HasDotOrHyphenPair(ReadOnlySpan<char> host)
    {
        for (var i = host.IndexOfAny('.', '-'); i >= 0 && i + 1 < host.Length; i++)
        {
            if (host[i + 1] is '.' or '-' && host[i] is '.' or '-') return true;
        }
        return false;
    }

    /// <summary>
    /// The shape nearly every address has, which MimeKit always takes back unchanged: a local part of ASCII letters,
    /// digits and <c>. _ % + -</c> with no dot at either end, and ASCII host labels that neither start nor end with a
    /// hyphen and are no punycode. Known without the MimeKit parse, which costs more than the rest of the row
    /// (EmailValidationEquivalenceTests holds both answers equal). Anything else still goes to MimeKit.
    /// </summary>
    private static bool IsPlainDotAtom(ReadOnlySpan<char> local, ReadOnlySpan<char> domain)
    {
        if (local.ContainsAnyExcept(PlainLocal) || local[0] == '.' || local[^1] == '.') return false;
        if (domain.ContainsAnyExcept(PlainDomain) || domain.Contains("xn--", StringComparison.OrdinalIgnoreCase)) return false;
        foreach (var range in domain.Split('.'))
        {
            var label = domain[range];
            if (label.IsEmpty || label[0] == '-' || label[^1] == '-') return false;
        }
        return true;
    }

    private static readonly SearchValues<char> PlainLocal =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._%+-");

    private static readonly SearchValues<char> PlainDomain =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-");

    /// <summary>
    /// The sender writes <c>new MailboxAddress(name, address)</c>, which parses the address with MimeKit's rules and
    /// throws on what they refuse; <see cref="MailboxAddress.TryParse(ParserOptions, string, out MailboxAddress)"/>
    /// is that parse without the exception. It must give back the very same address, nothing added or dropped.
    /// </summary>
    private static bool SenderAccepts(string email)
    {
        return MailboxAddress.TryParse(ParserOptions.Default, email, out var mailbox)
            && string.Equals(mailbox.Address, email, StringComparison.Ordinal);
    }

    private static readonly SearchValues<char> AsciiLetters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private static bool Allowed(ReadOnlySpan<char> part)
    {
        if (part.ContainsAny(NotInAddress)) return false;
        if (System.Text.Ascii.IsValid(part)) return !part.ContainsAnyInRange('\u0000', '\u001F') && !part.Contains('\u007F');
        // Control characters and invisible ones (zero-width space, direction marks) are export debris, never an address.
        foreach (var c in part)
            if (char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format)
                return false;
        return true;
    }
}
