using System.Security.Cryptography;
using System.Text;

namespace Kto.Core.Accounts;

/// <summary>
/// The portal's HMAC key: signs the session cookie (a changed cookie is simply not a session) and makes the
/// anti-forgery token every form carries, bound to the session or, before sign-in, to a form cookie.
/// </summary>
public sealed class PortalKey(byte[] key)
{
    public const string FormField = "_csrf";

    /// <summary>The cookie value: the id and its signature.</summary>
    public string Sign(string id) => $"{id}.{Mac("cookie|" + id)}";

    /// <summary>The id inside a cookie value, or null when the signature does not match (tampered or from another key).</summary>
    public string? Read(string? cookie)
    {
        if (string.IsNullOrEmpty(cookie)) return null;
        var dot = cookie.LastIndexOf('.');
        if (dot <= 0) return null;
        var id = cookie[..dot];
        return Same(Sign(id), cookie) ? id : null;
    }

    public string FormToken(string id) => Mac("form|" + id);

    public bool FormTokenMatches(string id, string? presented) =>
        !string.IsNullOrEmpty(presented) && Same(FormToken(id), presented);

    private string Mac(string text) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool Same(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    /// <summary>A key from configured text; an empty text gives a random key (sessions then end at a restart).</summary>
    public static PortalKey From(string? configured) =>
        new(string.IsNullOrEmpty(configured) ? RandomNumberGenerator.GetBytes(32) : SHA256.HashData(Encoding.UTF8.GetBytes(configured)));
}
