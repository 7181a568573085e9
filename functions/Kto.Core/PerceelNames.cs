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

    /// <summary>Any case, with or without hyphens and spaces, singular or plural "dienst(en)".</summary>
    public static bool TryParse(string? text, out Perceel perceel)
    {
        perceel = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var key = Fold(text);
        if (key.EndsWith("diensten", StringComparison.Ordinal)) key = key[..^2];
        foreach (var candidate in All)
        {
            var name = Fold(DisplayName(candidate));
            if (name.EndsWith("diensten", StringComparison.Ordinal)) name = name[..^2];
            if (key == name || key == candidate.ToString().ToLowerInvariant())
            {
                perceel = candidate;
                return true;
            }
        }
        return false;
    }

    /// <summary>Lower case, no diacritics, only letters and digits.</summary>
    internal static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c)) builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }
}
