namespace Kto.Core.Reports;

/// <summary>What <c>GET /api/verify/{sha256}</c> may reveal about a signed PDF: nothing more.</summary>
/// <param name="SignedBy">Who signed; null on a row written before the signer was recorded there.</param>
/// <param name="ChecklistStatus">This version's UWV checklist (a Keurmerk report: its norms): passed, pending or failed.</param>
/// <param name="Latest">The newest signed version of the same report (kind, company and year); this one when none is newer.</param>
/// <param name="Kind">Which report it is: the annual report for UWV or the Keurmerk report.</param>
/// <param name="Timestamp">The signature's timestamp from the timestamp authority; null when signed without one (PAdES B-B).</param>
public sealed record VerifiedReport(string CompanyName, int Year, int Version, DateTimeOffset SignedAt, string? SignedBy = null,
    string? ChecklistStatus = null, VerifiedReport.LatestVersion? Latest = null, ReportKind Kind = ReportKind.Uwv,
    ReportPdfTimestamp? Timestamp = null)
{
    /// <summary>The newest signed version: its number and when it was signed.</summary>
    public sealed record LatestVersion(int Version, DateTimeOffset SignedAt);

    /// <summary>False when a newer version of the same report was signed after this one.</summary>
    public bool IsLatest => Latest is null || Latest.Version <= Version;
}
