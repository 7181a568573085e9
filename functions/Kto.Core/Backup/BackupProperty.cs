namespace Kto.Core.Backup;

/// <summary>
/// A property of a table row with its storage type (<c>Edm.*</c> names, as Table storage itself calls them) and its
/// value as invariant text (<see cref="BackupValueTypes"/> says how each type is written), so a restored row has the
/// same types: an Int64 stays an Int64 and a DateTime keeps its ticks.
/// </summary>
public sealed record BackupProperty(string Name, string Type, string Value);
