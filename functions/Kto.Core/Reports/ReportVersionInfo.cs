namespace Kto.Core.Reports;

/// <summary>A signed version: never changed once written; a new signature makes the next version.</summary>
public sealed record ReportVersionInfo(int Version, string SignedBy, DateTimeOffset SignedAt, string Sha256, string ChecklistStatus);
