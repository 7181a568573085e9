using System.Security.Cryptography;
using System.Text;

namespace Kto.Core.Survey;

/// <summary>
/// The CSRF guard of the questionnaire forms: the hidden field carries an HMAC of the token's hash under a
/// server key. Only our own page can know it, and it can be checked without a storage call, so a wrong field
/// never tells whether a token exists.
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

    /// <summary>A key from configured text; an empty text gives a random key (see <c>SurveySettings.FormKey</c>).</summary>
    public static SurveyFormKey From(string? configured) =>
        new(string.IsNullOrEmpty(configured)
            ? RandomNumberGenerator.GetBytes(32)
            : SHA256.HashData(Encoding.UTF8.GetBytes(configured)));
}
