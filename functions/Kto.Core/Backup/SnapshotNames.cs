using System.Globalization;

namespace Kto.Core.Backup;

/// <summary>Snapshots are named by the UTC time they were started, so names sort by age: <c>kto-20261205-040000</c>.</summary>
public static class SnapshotNames
{
    private const string Prefix = "kto-";
    private const string Format = "yyyyMMdd-HHmmss";

    public static string For(DateTimeOffset at) => Prefix + at.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static DateTimeOffset? TimeOf(string name) =>
        name.StartsWith(Prefix, StringComparison.Ordinal)
        && DateTime.TryParseExact(name[Prefix.Length..], Format, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? new DateTimeOffset(at, TimeSpan.Zero)
            : null;
}
