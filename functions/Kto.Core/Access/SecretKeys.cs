using System.Security.Cryptography;
using System.Text;

namespace Kto.Core.Access;

/// <summary>Makes and checks secret keys and tokens: random, URL-safe, and only ever stored as a hash.</summary>
public static class SecretKeys
{
    /// <summary>A new secret with <paramref name="bytes"/> bytes of randomness, base64url without padding.</summary>
    public static string Create(int bytes = 32) => Base64Url(RandomNumberGenerator.GetBytes(bytes));

    /// <summary>SHA-256 of the secret as lower-case hex: what storage holds instead of the secret.</summary>
    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Compares a presented secret with a stored hash in constant time.</summary>
    public static bool Matches(string? secret, string? storedHash)
    {
        if (string.IsNullOrEmpty(secret) || string.IsNullOrEmpty(storedHash)) return false;
        var presented = Encoding.ASCII.GetBytes(Hash(secret));
        var stored = Encoding.ASCII.GetBytes(storedHash.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(presented, stored);
    }

    private static string Base64Url(byte[] data) =>
        Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
