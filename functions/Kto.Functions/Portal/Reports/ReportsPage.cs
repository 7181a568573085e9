using Kto.Core.Portal;

namespace Kto.Functions.Portal;

/// <summary>
/// reports.liquid: per year the report's status (a text the page translates, its value, a version or a date, filled in
/// after) and every signed version to download.
/// </summary>
public sealed record ReportsPage(CompanyHeading Company, List<ReportsPage.YearReports> Years)
{
    public sealed record YearReports(int Year, PageText Status, List<SignedVersion> Versions);

    public sealed record SignedVersion(int Version, string? SignedBy, ShownDate SignedAt, string Sha256, string Pdf, string Xlsx, string Json);
}
