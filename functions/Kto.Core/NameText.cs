namespace Kto.Core;

/// <summary>
/// The one rule for every name a person types or delivers (company names, portal display names, opdrachtgever
/// organisation and contact names): no control characters (CR, LF, NUL, BEL, any other C0/C1 character) and no
/// bidirectional overrides or isolates (U+202A–U+202E, U+2066–U+2069). A name travels into mails, PDFs, audit lines
/// and CSV files, where a line break forges a line and a bidi override shows text other than what is stored.
/// </summary>
public static class NameText
{
    /// <summary>What a refused name is told, in Dutch (the edges add what field it was).</summary>
    public const string Rule = "zonder regeleinden, tabs of andere stuurtekens en zonder tekens die de schrijfrichting omdraaien";

    public static bool IsClean(string? name) => name is null || !name.Any(IsForbidden);

    public static bool IsForbidden(char c) => char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}
