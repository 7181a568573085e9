using System.Globalization;
using Kto.Core;
using Kto.Core.Accounts;
using Kto.Core.Companies;
using Kto.Core.Portal;
using Kto.Core.Reports;

namespace Kto.Functions.Portal;

/// <summary>
/// A company's reports: the status of the chosen year and every signed version to download (PDF, XLSX, JSON),
/// read from the same archive as the report API.
/// </summary>
public sealed class ReportsPageFunction(PortalGate gate, ReportFilesService reports, TimeProvider time)
{
    [Function(nameof(PortalReports))]
    [PortalPage(PortalAccess.SignedIn)]
    public async Task<IActionResult> PortalReports(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal/companies/{company}/reports")] HttpRequest request,
        string company,
        CancellationToken cancellationToken)
    {
        var (visitor, found, _) = request.Opening();
        var thisYear = DutchTime.Today(time).Year;
        var years = new List<ReportsPage.YearReports>();
        // The running year and the two before it: a report is made after the year ends, signed by 1 March.
        for (var year = thisYear; year >= thisYear - 2; year--)
        {
            var (draft, versions) = await reports.ListAsync(company, year, cancellationToken);
            years.Add(new ReportsPage.YearReports(
                Year: year,
                Status: versions.Count > 0 ? new PageText("Ondertekend (laatste versie {0})", versions[^1].Version)
                    : draft is not null ? new PageText("Concept van {0}; nog niet ondertekend", ShownDate.Day(draft.GeneratedAt))
                    : year == thisYear ? "Het onderzoek loopt; het rapport volgt na afloop van het jaar" : "Nog geen rapport",
                Versions: versions.AsEnumerable().Reverse().Select(v => new ReportsPage.SignedVersion(
                    Version: v.Version,
                    SignedBy: v.SignedBy,
                    SignedAt: ShownDate.Minute(v.SignedAt),
                    Sha256: v.Sha256,
                    Pdf: PortalUrls.ReportFile(company, year, v.Version, "pdf"),
                    Xlsx: PortalUrls.ReportFile(company, year, v.Version, "xlsx"),
                    Json: PortalUrls.ReportFile(company, year, v.Version, "json"))).ToList()));
        }
        var page = new ReportsPage(CompanyHeading.Of(found!), years);
        return gate.Page(visitor, "reports.liquid", "Rapporten", page, "reports");
    }

    [Function(nameof(PortalReportFile))]
    [PortalPage(PortalAccess.SignedIn)]
    public async Task<IActionResult> PortalReportFile(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal/companies/{company}/reports/{year:int}/{version:int}/{file}")] HttpRequest request,
        string company,
        int year,
        int version,
        string file,
        CancellationToken cancellationToken)
    {
        var (visitor, _, _) = request.Opening();
        if (ReportFileNames.ContentType(file) is not { } contentType) return gate.NotFound(visitor);
        var found = await reports.ReadFileAsync(company, year, ReportVersionChoice.Signed(version), file, cancellationToken);
        if (found is null) return gate.NotFound(visitor);
        return new FileContentResult(found.Content, contentType) { FileDownloadName = $"kto-{year}-{company}-v{version}{Path.GetExtension(file)}" };
    }
}
