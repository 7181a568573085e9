namespace Kto.Core.Population;

/// <summary>The stored and API names of <see cref="CorrectionKind"/>.</summary>
public static class CorrectionKinds
{
    public const string Withdrawn = "withdrawn";
    public const string Perceel = "perceel";
    public const string Einddatum = "einddatum";

    public static IReadOnlyList<string> All { get; } = [Withdrawn, Perceel, Einddatum];

    public static string Name(CorrectionKind kind) => All[(int)kind];

    public static CorrectionKind? Parse(string? name)
    {
        for (var i = 0; i < All.Count; i++)
            if (string.Equals(All[i], name?.Trim(), StringComparison.OrdinalIgnoreCase)) return (CorrectionKind)i;
        return null;
    }
}
