namespace Kto.Core.Backup;

/// <summary>What a restore did, or why it wrote nothing (<see cref="Problems"/> names each file, key or table).</summary>
public sealed record RestoreResult(RestoreOutcome Outcome, IReadOnlyList<string> Problems, SnapshotManifest? Manifest,
    IReadOnlyDictionary<string, long> Tables, IReadOnlyDictionary<string, long> Containers, IReadOnlyList<string> KeysRestored)
{
    public static RestoreResult Refused(RestoreOutcome outcome, IReadOnlyList<string> problems, SnapshotManifest? manifest = null) =>
        new(outcome, problems, manifest, new Dictionary<string, long>(), new Dictionary<string, long>(), []);
}
