using Kto.Core.Portal;

namespace Kto.Functions.Portal;

/// <summary>
/// reports.liquid: per year the report's status and every signed version to download. A status is a Dutch text the
/// page translates, with its one value (<see cref="YearReports.StatusValue"/>: a version, a date) filled in after.
/// </summary>
public sealed record ReportsPage(CompanyHeading Company, List<ReportsPage.YearReports> Years)
{
    public sealed record YearReports(int Year, string Status, object? StatusValue, List<SignedVersion> Versions);

    public sealed record SignedVersion(int Version, string? SignedBy, ShownDate SignedAt, string Sha256, string Pdf, string Xlsx, string Json);
}
