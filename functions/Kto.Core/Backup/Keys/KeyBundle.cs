using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Kto.Core.Backup;

/// <summary>
/// The local keys sealed with a passphrase: a key from PBKDF2-SHA256 (600,000 iterations, a random salt) encrypts
/// the keys with AES-256-GCM, so a wrong passphrase or a changed byte fails to open instead of giving wrong keys.
/// Layout: "KTOKEYS1", salt (16), iterations (4, big-endian), nonce (12), tag (16), ciphertext.
/// </summary>
public static class KeyBundle
{
    private static readonly byte[] Magic = "KTOKEYS1"u8.ToArray();
    public const int DefaultIterations = 600_000;
    private const int SaltSize = 16, NonceSize = 12, TagSize = 16;

    public static byte[] Seal(IReadOnlyDictionary<string, byte[]> keys, string passphrase, int iterations = DefaultIterations)
    {
        var plain = JsonSerializer.SerializeToUtf8Bytes(keys.ToDictionary(k => k.Key, k => Convert.ToBase64String(k.Value)));
        var salt = RandomNumberGenerator.GetBytes(SaltSize);
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var key = Derive(passphrase, salt, iterations);
        var cipher = new byte[plain.Length];
        var tag = new byte[TagSize];
        using (var aes = new AesGcm(key, TagSize)) aes.Encrypt(nonce, plain, cipher, tag, Magic);
        CryptographicOperations.ZeroMemory(key);

        var sealedKeys = new byte[Magic.Length + SaltSize + 4 + NonceSize + TagSize + cipher.Length];
        var span = sealedKeys.AsSpan();
        Magic.CopyTo(span); span = span[Magic.Length..];
        salt.CopyTo(span); span = span[SaltSize..];
        BinaryPrimitives.WriteInt32BigEndian(span, iterations); span = span[4..];
        nonce.CopyTo(span); span = span[NonceSize..];
        tag.CopyTo(span); span = span[TagSize..];
        cipher.CopyTo(span);
        return sealedKeys;
    }

    /// <summary>The keys, or null when the passphrase is wrong or the bundle was changed.</summary>
    public static IReadOnlyDictionary<string, byte[]>? Open(byte[] sealedKeys, string passphrase)
    {
        var header = Magic.Length + SaltSize + 4 + NonceSize + TagSize;
        if (sealedKeys.Length < header || !sealedKeys.AsSpan(0, Magic.Length).SequenceEqual(Magic)) return null;
        var span = sealedKeys.AsSpan(Magic.Length);
        var salt = span[..SaltSize].ToArray(); span = span[SaltSize..];
        var iterations = BinaryPrimitives.ReadInt32BigEndian(span); span = span[4..];
        if (iterations is < 100_000 or > 10_000_000) return null;
        var nonce = span[..NonceSize]; span = span[NonceSize..];
        var tag = span[..TagSize]; span = span[TagSize..];
        var plain = new byte[span.Length];
        var key = Derive(passphrase, salt, iterations);
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(nonce, span, tag, plain, Magic);
        }
        catch (AuthenticationTagMismatchException) { return null; }
        finally { CryptographicOperations.ZeroMemory(key); }
        var keys = JsonSerializer.Deserialize<Dictionary<string, string>>(plain)!;
        return keys.ToDictionary(k => k.Key, k => Convert.FromBase64String(k.Value));
    }

    private static byte[] Derive(string passphrase, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(passphrase), salt, iterations, HashAlgorithmName.SHA256, 32);
}
