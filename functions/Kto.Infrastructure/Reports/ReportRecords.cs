namespace Kto.Infrastructure.Reports;

/// <summary>
/// The current draft of a company's report for a year (replaced by every run). <paramref name="Id"/> names exactly
/// these files (the SHA-256 of its report.json); signing names it, so a replaced draft is never signed unseen.
/// </summary>
public sealed record ReportDraftInfo(string Id, DateTimeOffset GeneratedAt, string ChecklistStatus);

/// <summary>A signed version: never changed once written; a new signature makes the next version.</summary>
public sealed record ReportVersionInfo(int Version, string SignedBy, DateTimeOffset SignedAt, string Sha256, string ChecklistStatus);

/// <summary>What <c>GET /api/verify/{sha256}</c> may reveal about a signed PDF: nothing more.</summary>
public sealed record VerifiedReport(string CompanyName, int Year, int Version, DateTimeOffset SignedAt);
