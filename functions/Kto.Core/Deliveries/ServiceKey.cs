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
}
