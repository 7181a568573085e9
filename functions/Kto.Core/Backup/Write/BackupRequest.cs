namespace Kto.Core.Backup;

/// <summary>
/// A snapshot to write: where, under which name, and, on one machine, the local keys to include sealed with
/// <paramref name="Passphrase"/> (no keys: the nightly snapshot in Azure, whose keys live in Key Vault).
/// </summary>
public sealed record BackupRequest(ISnapshotFiles Target, string Name, ILocalKeys? Keys = null, string? Passphrase = null);
