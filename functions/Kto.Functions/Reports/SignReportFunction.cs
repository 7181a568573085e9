using Kto.Core.Accounts;
using Kto.Core.Reports;

namespace Kto.Functions.Reports;

/// <summary>
/// The bureau signs the draft it reviewed with its conclusion: a new, final version whose PDF hash is recorded.
/// The request names that draft (<c>draft.id</c> from <c>GET /api/reports/{year}/{company}</c>): without it the
/// request is refused, and a draft replaced since it was opened is refused with 409, so nothing is signed unseen.
/// A conclusion is required (400 <c>conclusion-required</c>). The same draft signed again by the same signer with the
/// same conclusion (a double click, a retried request, at once or later, on any instance) answers the version it gave
/// before and is not audited again; another conclusion makes another version; earlier versions stay as they are.
/// Every signature goes to the audit log once (actor: the bureau key; the detail names the signer given).
/// </summary>
public sealed class SignReportFunction(ReportSigningService reportSigning, IAuditLog audit, TimeProvider time)
{
    [BureauOnly]
    [Function(nameof(SignReport))]
    public Task<IActionResult> SignReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/reports/{year:int}/{company}/sign")] HttpRequest request,
        int year,
        string company,
        CancellationToken cancellationToken) =>
        SignRequests.SignAsync(request, company, year, ReportKind.Uwv, $"/api/reports/{year}/{company}",
            (body, ct) => reportSigning.SignAsync(company, year, body.Draft!, body.Signer!, body.Conclusion, ct),
            version => new
            {
                company,
                year,
                version.Version,
                version.SignedBy,
                version.SignedAt,
                version.Sha256,
                version.ChecklistStatus,
                verifyUrl = $"/api/verify/{version.Sha256}",
                links = ReportLinks.Files(year, company, version.Version),
            },
            audit, time, cancellationToken);
}
