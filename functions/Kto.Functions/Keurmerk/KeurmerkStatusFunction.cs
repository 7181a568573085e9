using Kto.Core.Keurmerk;

namespace Kto.Functions.Keurmerk;

/// <summary>The Keurmerk report of a company for a year: its draft (with the id signing names), its signed versions and their links.</summary>
public sealed class KeurmerkStatusFunction(KeurmerkReportService keurmerk)
{
    [CompanyAccess]
    [Function(nameof(KeurmerkStatus))]
    public async Task<IActionResult> KeurmerkStatus(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/keurmerk/{year:int}/{company}")] HttpRequest request,
        int year,
        string company,
        CancellationToken cancellationToken)
    {
        var (draft, versions) = await keurmerk.ListAsync(company, year, cancellationToken);
        if (draft is null && versions.Count == 0)
            return ApiResults.NotFound($"Er is nog geen Keurmerk-rapport over {year}. Het onderzoeksbureau maakt het concept met POST /api/keurmerk/{year}/{company}.");
        return ApiResults.Json(new
        {
            company,
            year,
            status = versions.Count == 0 ? "draft" : "signed",
            draft = draft is null ? null : new { draft.Id, draft.GeneratedAt, normsStatus = draft.ChecklistStatus, links = KeurmerkLinks.Files(year, company, null) },
            versions = versions.Select(v => new { v.Version, v.SignedBy, v.SignedAt, v.Sha256, normsStatus = v.ChecklistStatus, links = KeurmerkLinks.Files(year, company, v.Version) }),
        });
    }
}
