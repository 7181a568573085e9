using Kto.Core.Reports;

namespace Kto.Functions.Reports;

/// <summary>
/// The report of a company for a year: its draft (with the id signing names), its signed versions and their
/// download links.
/// </summary>
public sealed class ReportStatusFunction(ReportFilesService reports)
{
    [CompanyAccess]
    [Function(nameof(ReportStatus))]
    public async Task<IActionResult> ReportStatus(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reports/{year:int}/{company}")] HttpRequest request,
        int year,
        string company,
        CancellationToken cancellationToken)
    {
        var (draft, versions) = await reports.ListAsync(company, year, cancellationToken);
        if (draft is null && versions.Count == 0)
            return ApiResults.NotFound($"Er is nog geen rapport over {year}. Het onderzoeksbureau start het met POST /api/reports/{year}/{company}.");
        var latest = versions.LastOrDefault();
        return ApiResults.Json(new
        {
            company,
            year,
            status = latest is null ? "draft" : "signed",
            draft = draft is null ? null : new { draft.Id, draft.GeneratedAt, draft.ChecklistStatus, links = ReportLinks.Files(year, company, null) },
            versions = versions.Select(v => new { v.Version, v.SignedBy, v.SignedAt, v.Sha256, v.ChecklistStatus, links = ReportLinks.Files(year, company, v.Version) }),
            latest = latest is null ? ReportLinks.Files(year, company, null) : ReportLinks.Files(year, company, latest.Version),
        });
    }
}
