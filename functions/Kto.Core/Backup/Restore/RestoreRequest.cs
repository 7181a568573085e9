namespace Kto.Core.Backup;

/// <summary>
/// A snapshot to load into a stack: <paramref name="Force"/> loads into a stack that holds data (rows and blobs of the
/// same keys are replaced, others stay); <paramref name="Keys"/> is where the local keys go back (null: none are
/// restored, as in Azure), opened with <paramref name="Passphrase"/>; <paramref name="WithoutKeys"/> restores the data
/// of a snapshot that lacks keys anyway.
/// </summary>
public sealed record RestoreRequest(ISnapshotFiles Snapshot, bool Force = false, ILocalKeys? Keys = null, string? Passphrase = null, bool WithoutKeys = false);
