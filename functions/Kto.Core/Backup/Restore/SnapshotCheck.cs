namespace Kto.Core.Backup;

/// <summary>A snapshot's manifest and every problem found against it (empty: every file is there and unchanged).</summary>
public sealed record SnapshotCheck(SnapshotManifest? Manifest, IReadOnlyList<string> Problems, bool PersonalDataDropped)
{
    public bool Intact => Manifest is not null && Problems.Count == 0;
}
