namespace Kto.Core.Backup;

/// <summary>One table row as a snapshot keeps it: its keys and every property with its type, values as invariant text.</summary>
public sealed record BackupEntity(string PartitionKey, string RowKey, IReadOnlyList<BackupProperty> Properties);
