using Kto.Core.Accounts;
using Kto.Core.Keurmerk;
using Kto.Core.Reports;
using Kto.Functions.Reports;

namespace Kto.Functions.Keurmerk;

/// <summary>
/// The bureau signs the Keurmerk draft it reviewed, as the UWV report is signed (<see cref="SignRequests"/>): the
/// request names the draft (<c>draft.id</c> from <c>GET /api/keurmerk/{year}/{company}</c>) and a conclusion; a
/// replaced draft is refused with 409; the same signing again answers the version it gave (audited once); another
/// conclusion is a new version. The answer has the signed PDF's SHA-256 and its verify link.
/// </summary>
public sealed class SignKeurmerkFunction(KeurmerkReportService keurmerk, IAuditLog audit, TimeProvider time)
{
    [BureauOnly]
    [Function(nameof(SignKeurmerk))]
    public Task<IActionResult> SignKeurmerk(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/keurmerk/{year:int}/{company}/sign")] HttpRequest request,
        int year,
        string company,
        CancellationToken cancellationToken) =>
        SignRequests.SignAsync(request, company, year, ReportKind.Keurmerk, KeurmerkLinks.Status(year, company),
            (body, ct) => keurmerk.SignAsync(company, year, body.Draft!, body.Signer!, body.Conclusion, ct),
            version => new
            {
                kind = "keurmerk",
                company,
                year,
                version.Version,
                version.SignedBy,
                version.SignedAt,
                version.Sha256,
                normsStatus = version.ChecklistStatus,
                verifyUrl = $"/api/verify/{version.Sha256}",
                links = KeurmerkLinks.Files(year, company, version.Version),
            },
            audit, time, cancellationToken);
}
