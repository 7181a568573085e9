using System.Security.Cryptography;
using System.Text;

namespace Kto.Core.Survey;

/// <summary>
/// The survey's server key (<c>Kto__Survey__FormKey</c>). Its first use is the CSRF guard of the questionnaire forms:
/// the hidden field carries an HMAC of the token's hash. Only our own page can know it, and it can be checked without
/// a storage call, so a wrong field never tells whether a token exists. Its second use is the stored form of a
/// letter's short code (<see cref="CodeHash"/>).
/// </summary>
public sealed class SurveyFormKey(byte[] key)
{
    public const string FieldName = "_form";

    public string For(string tokenHash) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(tokenHash)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public bool Matches(string tokenHash, string? presented) =>
        presented is not null &&
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(For(tokenHash)), Encoding.ASCII.GetBytes(presented));

    /// <summary>
    /// What storage holds for a short code (normalized): hex HMAC-SHA256 under this key, not a plain SHA-256. A code has
    /// only ~35 bits, so a leaked <c>tokens</c> table with plain hashes would give up every code offline; without the
    /// key it gives nothing. The prefix keeps these MACs apart from the form fields'. Rotating the key orphans unused
    /// printed codes (links are plain hashes and keep working).
    /// </summary>
    public string CodeHash(string normalizedCode) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(CodeHashPrefix + normalizedCode)));

    private const string CodeHashPrefix = "short-code:";

    /// <summary>A key from configured text; an empty text gives a random key (see <c>SurveySettings.FormKey</c>).</summary>
    public static SurveyFormKey From(string? configured) =>
        new(string.IsNullOrEmpty(configured)
            ? RandomNumberGenerator.GetBytes(32)
            : SHA256.HashData(Encoding.UTF8.GetBytes(configured)));
}
