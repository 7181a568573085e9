using System.Security.Cryptography;

namespace Kto.Core.Letters;

/// <summary>
/// The short code printed on a letter, for clients who type rather than scan: 8 characters from an alphabet without
/// look-alikes (no 0/O/D/Q-like pairs, 1/I/L, 5/S, 2/Z, 8/B, 6/G, U/V), shown as two groups <c>K7PX-4QM9</c>. Like a
/// personal link it opens one client's questionnaire; only a keyed hash is stored
/// (<see cref="Survey.SurveyFormKey.CodeHash"/>). 21⁸ ≈ 3.8·10¹¹ codes: guessing is slowed by the per-address limit on unknown codes, not made hopeless as for 192-bit links.
/// </summary>
public static class ShortCode
{
    public const string Alphabet = "34679ACEFHJKMNPQRTWXY";
    public const int Length = 8;

    /// <summary>A new random code, without the dash (<see cref="Format"/> adds it for print).</summary>
    public static string New() =>
        string.Create(Length, 0, (chars, _) =>
        {
            for (var i = 0; i < chars.Length; i++) chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        });

    /// <summary>"K7PX4QM9" → "K7PX-4QM9".</summary>
    public static string Format(string code) => $"{code[..4]}-{code[4..]}";

    /// <summary>
    /// What a person typed as the code itself: lower case, spaces, dashes and dots are forgiven; null when the rest is
    /// not 8 characters of the alphabet (no storage call is made for such input).
    /// </summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 64) return null;
        var chars = typed.Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '‐' or '–' or '.')).Select(char.ToUpperInvariant).ToArray();
        if (chars.Length != Length || chars.Any(c => !Alphabet.Contains(c))) return null;
        return new string(chars);
    }
}
