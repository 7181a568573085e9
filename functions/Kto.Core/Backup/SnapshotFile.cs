namespace Kto.Core.Backup;

/// <summary>
/// One file of a snapshot as its manifest lists it: a table (<see cref="Count"/> rows), a blob (its container, name
/// and content type) or the sealed local keys; its size and SHA-256, checked before anything is restored.
/// <see cref="Personal"/> files hold contact data and are dropped from a long-kept snapshot.
/// </summary>
public sealed record SnapshotFile(string Path, string Kind, string Set, string? Blob, string? ContentType, long Count, long Bytes, string Sha256, bool Personal)
{
    public const string TableKind = "table";
    public const string BlobKind = "blob";
    public const string KeysKind = "keys";
}
