namespace Kto.Core.Reports;

/// <summary>What <c>GET /api/verify/{sha256}</c> may reveal about a signed PDF: nothing more.</summary>
public sealed record VerifiedReport(string CompanyName, int Year, int Version, DateTimeOffset SignedAt);
