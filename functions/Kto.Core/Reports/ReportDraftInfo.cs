namespace Kto.Core.Reports;

/// <summary>
/// The current draft of a company's report for a year (replaced by every run). <paramref name="Id"/> names exactly
/// these files (the SHA-256 of its report.json); signing names it, so a replaced draft is never signed unseen.
/// </summary>
public sealed record ReportDraftInfo(string Id, DateTimeOffset GeneratedAt, string ChecklistStatus);
