namespace Kto.Core.Backup;

/// <summary>The property types a snapshot knows, by their Table storage (OData) names.</summary>
public static class BackupValueTypes
{
    public const string String = "Edm.String";
    public const string Int32 = "Edm.Int32";
    /// <summary>Written as decimal text: JSON numbers lose precision past 2^53.</summary>
    public const string Int64 = "Edm.Int64";
    /// <summary>Round-trip text ("R"), also NaN and Infinity.</summary>
    public const string Double = "Edm.Double";
    public const string Boolean = "Edm.Boolean";
    /// <summary>ISO 8601 in UTC with seven decimals ("O"), so no tick is lost.</summary>
    public const string DateTime = "Edm.DateTime";
    public const string Guid = "Edm.Guid";
    /// <summary>Base64.</summary>
    public const string Binary = "Edm.Binary";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { String, Int32, Int64, Double, Boolean, DateTime, Guid, Binary };
}
