using System.Security.Cryptography;
using System.Text;

namespace Kto.Core.Deliveries;

/// <summary>What makes an ended service unique within one company.</summary>
public readonly record struct ServiceKey(string Klantnummer, Perceel Perceel, DateOnly Einddatum)
{
    /// <summary>A stable, storage-safe id (hex of SHA-256), so keys never carry forbidden characters.</summary>
    public string Id()
    {
        var text = $"{Klantnummer.Trim().ToUpperInvariant()}|{Perceel}|{Einddatum:yyyy-MM-dd}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }

    /// <summary>Has the shape of an <see cref="Id"/> (32 lower-case hex digits): checked before a route's value reaches storage.</summary>
    public static bool LooksLikeId(string? id) => id is { Length: 32 } && id.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
