namespace Kto.Core.Reports;

/// <summary>A signed version: never changed once written; a new signature makes the next version.</summary>
/// <param name="DraftId">The draft it was signed from; null for a version signed before versions recorded it.</param>
public sealed record ReportVersionInfo(int Version, string SignedBy, DateTimeOffset SignedAt, string Sha256, string ChecklistStatus, string? DraftId = null);
