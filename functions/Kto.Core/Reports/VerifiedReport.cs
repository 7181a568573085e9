namespace Kto.Core.Reports;

/// <summary>What <c>GET /api/verify/{sha256}</c> may reveal about a signed PDF: nothing more.</summary>
/// <param name="SignedBy">Who signed; null on a row written before the signer was recorded there.</param>
public sealed record VerifiedReport(string CompanyName, int Year, int Version, DateTimeOffset SignedAt, string? SignedBy = null);
