using System.Text.RegularExpressions;
using Kto.Core.Deliveries;

namespace Kto.Core.Reports;

/// <summary>
/// Takes personal data out of an open answer before it reaches any report file, replacing each find with
/// <see cref="Marker"/>. The one place for what the report redacts:
/// <list type="bullet">
/// <item>e-mail addresses (also with a space around the @);</item>
/// <item>phone numbers: Dutch ones starting 0, +31 or 0031 (with (0), spaces, dashes, dots, brackets) and any
/// number written with a leading + and 8 or more digits;</item>
/// <item>postcodes: 1234 AB, 1234AB, 1234ab (with a space only in capitals, so "in 2024 en" stays);</item>
/// <item>numbers that look like a BSN, by the ingest's own rule (<see cref="Bsn.LooksLikeBsn(string?)"/>);</item>
/// <item>the company's klantnummers (4 characters or more) as whole words, and any run of 6 or more digits (with up to
/// three letters before it, as in K12345678);</item>
/// <item>the client's own delivered name parts as whole words, in any case (parts of two or three letters, such as
/// Al or Ben, only as delivered, so "al" and "ik ben" stay; tussenvoegsels are left alone);</item>
/// <item>capitalised name-like words after a cue: "ik ben", "ik heet", "mijn naam is", "heet", "genaamd", a title
/// (meneer, mevrouw, mevr., mw., dhr., hr., de heer, juffrouw; then also "de Vries"), a role (begeleider, coach,
/// jobcoach, consulent, casemanager, contactpersoon, adviseur) or a greeting (groet, groeten, gr., mvg); a name so
/// found is also taken out wherever else it stands in the same answer.</item>
/// </list>
/// It cannot catch a name without a cue that is not the client's own (a consultant named in passing, "Piet was
/// top"), names written all in capitals or in lower case after a cue, street names, house numbers and places, dates
/// of birth, numbers written out in words, or an e-mail address spelled out ("piet at gmail punt com").
/// </summary>
public sealed partial class OpenAnswerRedactor
{
    public const string Marker = "[verwijderd]";

    /// <summary>Klantnummers shorter than this are too likely to be an ordinary number or word in an answer.</summary>
    public const int MinimumKlantnummerLength = 4;

    private static readonly HashSet<string> Tussenvoegsels = new(StringComparer.OrdinalIgnoreCase)
    {
        "van", "de", "der", "den", "het", "ter", "ten", "te", "in", "op", "'t", "’t", "la", "le", "du", "da", "di", "von", "zu",
    };

    private readonly HashSet<string> klantnummers;

    public OpenAnswerRedactor(IEnumerable<string> companyKlantnummers)
    {
        ArgumentNullException.ThrowIfNull(companyKlantnummers);
        klantnummers = new HashSet<string>(
            companyKlantnummers.Select(k => k.Trim()).Where(k => k.Length >= MinimumKlantnummerLength),
            StringComparer.OrdinalIgnoreCase);
    }

    /// <param name="ownNameParts">The client's delivered name fields (voornaam, voorletters, tussenvoegsel, achternaam), as delivered.</param>
    public string Redact(string text, IReadOnlyCollection<string> ownNameParts)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = Email().Replace(text, Marker);
        // "(06-12345678)": the pattern takes the opening bracket of "(020) 123 4567", not the closing one after the
        // last digit; a bracket left open keeps its pair, so the sentence reads "([verwijderd])".
        result = DutchPhone().Replace(result, m => m.Value.StartsWith('(') && !m.Value.Contains(')') ? "(" + Marker : Marker);
        result = InternationalPhone().Replace(result, Marker);
        result = Postcode().Replace(result, Marker);
        result = DigitGroups().Replace(result, m => Bsn.LooksLikeBsn(m.Value) ? Marker : m.Value);
        // A token never ends in '.', '-' or '/' (see Token), so sentence punctuation after a klantnummer is already left out.
        // Stryker disable once Equality : with no klantnummers the token pass changes nothing; the check only saves its cost
        if (klantnummers.Count > 0)
            result = Token().Replace(result, m => klantnummers.Contains(m.Value) ? Marker : m.Value);
        result = LongDigitRun().Replace(result, Marker);

        var cued = new HashSet<string>(StringComparer.Ordinal);
        result = CuedName().Replace(result, m =>
        {
            foreach (var word in Words().Matches(m.Groups["name"].Value).Select(w => w.Value))
                if (!Tussenvoegsels.Contains(word)) cued.Add(word);
            return m.Groups["cue"].Value + m.Groups["sep"].Value + Marker;
        });
        foreach (var part in OwnNameWords(ownNameParts))
            result = WholeWord(result, part, ignoreCase: part.Length > 3);
        foreach (var name in cued)
            result = WholeWord(result, name, ignoreCase: false);
        return result;
    }

    private static IEnumerable<string> OwnNameWords(IReadOnlyCollection<string> parts) =>
        parts.Where(p => !string.IsNullOrWhiteSpace(p))
            .SelectMany(p => Words().Matches(p).Select(w => w.Value))
            .Where(w => w.Length >= 2 && !Tussenvoegsels.Contains(w))
            .Distinct(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Every stand-alone <paramref name="word"/> (no letter or digit either side) replaced by the marker. A plain scan,
    /// not a regex: the words differ per client, and building a regex for each of them cost more than the scan.
    /// </summary>
    internal static string WholeWord(string text, string word, bool ignoreCase)
    {
        if (word.Length == 0) return text;
        var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var at = text.IndexOf(word, comparison);
        if (at < 0) return text;
        var result = new System.Text.StringBuilder(text.Length);
        var copied = 0;
        for (; at >= 0; at = text.IndexOf(word, at, comparison))
        {
            var end = at + word.Length;
            if ((at > 0 && IsLetterOrNumber(text[at - 1])) || (end < text.Length && IsLetterOrNumber(text[end])))
            {
                at++;
                continue;
            }
            result.Append(text, copied, at - copied).Append(Marker);
            copied = at = end;
        }
        return copied == 0 ? text : result.Append(text, copied, text.Length - copied).ToString();
    }

    // What the patterns here call [\p{L}\p{N}].
    private static bool IsLetterOrNumber(char c) => char.IsLetter(c) || char.IsNumber(c);

    [GeneratedRegex(@"[\p{L}\p{N}._%+\-']+\s?@\s?[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    // 0, +31 or 0031 (with an optional (0)), then nine more digits with separators between them.
    [GeneratedRegex(@"(?<![\p{L}\p{N}+])(?:(?:\+|00)\s?31[\s\-.]*(?:\(0\)[\s\-.]*)?|\(?0)(?:[\s\-.()/]{0,3}\d){9}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex DutchPhone();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])\+\s?\d(?:[\s\-.()/]{0,2}\d){7,14}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex InternationalPhone();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])[1-9]\d{3}(?: [A-Z]{2}|[A-Za-z]{2})(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex Postcode();

    // Eight or nine digits, each separated by at most one space, dot or hyphen: what Bsn.LooksLikeBsn is asked about.
    [GeneratedRegex(@"(?<![\p{N}])\d(?:[ .\-]?\d){7,8}(?![\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex DigitGroups();

    [GeneratedRegex(@"[\p{L}\p{N}](?:[\p{L}\p{N}\-_/.]*[\p{L}\p{N}])?", RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    // Up to three letters at a word's start belong to it (K12345678); inside a word (klantnr1234567) the digits go.
    [GeneratedRegex(@"(?<![\p{L}\p{N}])\p{L}{1,3}\d{6,}(?!\d)|(?<!\d)\d{6,}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex LongDigitRun();

    [GeneratedRegex(@"[\p{L}'’]+", RegexOptions.CultureInvariant)]
    private static partial Regex Words();

    // A cue (any case) and then one or more capitalised words (capital + lower case: not an acronym such as UWV),
    // with tussenvoegsels and initials between them; after a title also a leading tussenvoegsel ("mevrouw de Vries").
    [GeneratedRegex(
        @"(?<![\p{L}])(?<cue>(?i:ik\s+ben|ik\s+heet|mijn\s+naam\s+is|naam\s+is|naam|heet|genaamd|begeleider|begeleidster|coach|jobcoach|consulent|consulente|casemanager|contactpersoon|adviseur|groet|groeten|gr\.|mvg|m\.v\.g\.))(?<sep>[\s,:]+)" +
        @"(?<name>(?:\p{Lu}\.\s?)*\p{Lu}\p{Ll}[\p{L}'’\-]*(?:\s+(?:(?i:van|de|der|den|ter|ten|te)\s+)*\p{Lu}\p{Ll}[\p{L}'’\-]*)*)" +
        @"|(?<![\p{L}])(?<cue>(?i:meneer|mevrouw|mevr\.?|mw\.?|dhr\.?|hr\.?|de\s+heer|juffrouw))(?<sep>[\s,:]+)" +
        @"(?<name>(?:(?:\p{Lu}\.\s?)+)?(?:(?i:van|de|der|den|ter|ten|te|'t)\s+)*\p{Lu}\p{Ll}[\p{L}'’\-]*(?:\s+(?:(?i:van|de|der|den|ter|ten|te)\s+)*\p{Lu}\p{Ll}[\p{L}'’\-]*)*)",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex CuedName();
}
