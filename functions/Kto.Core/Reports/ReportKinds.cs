namespace Kto.Core.Reports;

/// <summary>The name of a <see cref="ReportKind"/> where it is written down: the API (<c>kind</c>), the verify row, blob paths.</summary>
public static class ReportKinds
{
    public static string Name(ReportKind kind) => kind.ToString().ToLowerInvariant();
}
