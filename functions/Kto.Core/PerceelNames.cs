using System.Globalization;
using System.Text;

namespace Kto.Core;

/// <summary>The one place that knows how percelen are written: official names and accepted spellings.</summary>
public static class PerceelNames
{
    public static IReadOnlyList<Perceel> All { get; } = Enum.GetValues<Perceel>();

    public static string DisplayName(Perceel perceel) => perceel switch
    {
        Perceel.WerkfitMaken => "Werkfit maken",
        Perceel.NaarWerk => "Naar werk",
        Perceel.Praktijkassessment => "Praktijkassessment",
        Perceel.ModulaireReintegratiediensten => "Modulaire Re-integratiediensten",
        _ => throw new ArgumentOutOfRangeException(nameof(perceel)),
    };

    // The official names folded once (singular "dienst"), with the enum member's own name: TryParse runs for every row.
    private static readonly (Perceel Perceel, string Name, string Member)[] Folded =
        [.. All.Select(p => (p, Singular(Fold(DisplayName(p))), p.ToString().ToLowerInvariant()))];

    /// <summary>Any case, with or without hyphens and spaces, singular or plural "dienst(en)".</summary>
    public static bool TryParse(string? text, out Perceel perceel)
    {
        perceel = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        // Nearly every row spells the official name: found without folding.
        foreach (var official in All)
        {
            if (string.Equals(text, DisplayName(official), StringComparison.OrdinalIgnoreCase))
            {
                perceel = official;
                return true;
            }
        }
        var key = Singular(Fold(text));
        foreach (var candidate in Folded)
        {
            if (key == candidate.Name || key == candidate.Member)
            {
                perceel = candidate.Perceel;
                return true;
            }
        }
        return false;
    }

    private static string Singular(string folded) =>
        folded.EndsWith("diensten", StringComparison.Ordinal) ? folded[..^2] : folded;

    /// <summary>Lower case, no diacritics, only letters and digits.</summary>
    internal static string Fold(string text)
    {
        // Plain ASCII has no diacritics to strip: skip the Unicode normalisation (the common case, once per row).
        if (Ascii.IsValid(text))
        {
            return string.Create(text.Length - CountNotLetterOrDigit(text), text, static (span, source) =>
            {
                var at = 0;
                foreach (var c in source)
                    if (char.IsAsciiLetterOrDigit(c)) span[at++] = char.ToLowerInvariant(c);
            });
        }
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c)) builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    private static int CountNotLetterOrDigit(string text)
    {
        var count = 0;
        foreach (var c in text)
            if (!char.IsAsciiLetterOrDigit(c)) count++;
        return count;
    }
}
