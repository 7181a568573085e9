using System.Text.Json;

namespace Kto.Core.Backup;

/// <summary>
/// What a snapshot holds, written last (a snapshot without it is incomplete): when it was made, every file with its
/// count, size and SHA-256, the names of the local keys it carries (sealed with a passphrase) and how many signed
/// reports it holds (retention keeps those snapshots).
/// </summary>
public sealed record SnapshotManifest(string Format, string Name, DateTimeOffset CreatedAt, int SignedReports, IReadOnlyList<string> Keys, IReadOnlyList<SnapshotFile> Files)
{
    public const string FileName = "manifest.json";
    public const string CurrentFormat = "kto-snapshot/1";
    /// <summary>Written beside the manifest when retention removed a kept snapshot's files with contact data.</summary>
    public const string PersonalDataDroppedFileName = "personal-data-dropped.json";

    public IReadOnlyDictionary<string, long> TableCounts => Files.Where(f => f.Kind == SnapshotFile.TableKind).ToDictionary(f => f.Set, f => f.Count);

    public IReadOnlyDictionary<string, long> BlobCounts => Files.Where(f => f.Kind == SnapshotFile.BlobKind)
        .GroupBy(f => f.Set).ToDictionary(g => g.Key, g => (long)g.Count());

    public long Bytes => Files.Sum(f => f.Bytes);

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, KtoJson.Options);

    /// <summary>Null when the text is no manifest of this format.</summary>
    public static SnapshotManifest? Read(byte[] json)
    {
        try
        {
            var manifest = JsonSerializer.Deserialize<SnapshotManifest>(json, KtoJson.Options);
            return manifest is { Format: CurrentFormat, Files: not null, Keys: not null } ? manifest : null;
        }
        catch (JsonException) { return null; }
    }
}
