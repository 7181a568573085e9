using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Kto.Core.Access;

namespace Kto.Core.Survey;

/// <summary>
/// The personal link's secret: 192 random bits, URL-safe. Only its hash is stored, so a leaked table does not
/// open anyone's questionnaire. Each mail gets a fresh token; every token of a service stays valid.
/// </summary>
public static class SurveyToken
{
    private const int RandomBytes = 24;

    public static (string Token, string Hash) New()
    {
        var token = SecretKeys.Create(RandomBytes);
        return (token, SecretKeys.Hash(token));
    }

    /// <summary>
    /// A token like <see cref="New()"/> whose hash (<see cref="SecretKeys.Hash"/>) starts with the byte
    /// <paramref name="hashStart"/>, so a store that keys tokens by the hash's first byte can write a mail batch's
    /// tokens in one write instead of one per token. Drawn until the hash fits: 256 draws on average, a fraction of a
    /// millisecond, far less than a storage round trip. The token stays 24 random bytes; fixing 8 bits of a hash that
    /// storage holds anyway leaves 184 bits to guess.
    /// </summary>
    public static (string Token, string Hash) New(byte hashStart)
    {
        // The random bytes for many draws at once: one call to the generator costs more than hashing a draw.
        const int DrawsPerFill = 64;
        var random = new byte[RandomBytes * DrawsPerFill];
        Span<byte> text = stackalloc byte[Base64Url.GetEncodedLength(RandomBytes)];
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        while (true)
        {
            RandomNumberGenerator.Fill(random);
            for (var draw = 0; draw < DrawsPerFill; draw++)
            {
                Base64Url.EncodeToUtf8(random.AsSpan(draw * RandomBytes, RandomBytes), text); // as SecretKeys.Create: base64url, no padding
                SHA256.HashData(text, hash);
                if (hash[0] == hashStart) return (Encoding.ASCII.GetString(text), Convert.ToHexStringLower(hash));
            }
        }
    }

    /// <summary>A cheap shape check first, so malformed tokens never reach storage.</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: 32 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
