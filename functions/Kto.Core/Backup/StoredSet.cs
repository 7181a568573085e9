namespace Kto.Core.Backup;

/// <summary>
/// A table or blob container the app owns. <see cref="HoldsPersonalData"/> marks the ones with contact data (names,
/// addresses, raw exports, letters), which a long-kept snapshot loses when its retention ends (see <see cref="SnapshotRetention"/>).
/// </summary>
public sealed record StoredSet(string Name, bool HoldsPersonalData);
