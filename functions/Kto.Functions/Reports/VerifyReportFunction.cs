using Kto.Core;
using Kto.Core.Reports;

namespace Kto.Functions.Reports;

/// <summary>
/// Anyone (UWV, Blik op Werk's auditor) asks whether a PDF with this SHA-256 is a report signed here. The answer names
/// only which report it is (<c>kind</c>: <c>uwv</c> the annual report, <c>keurmerk</c> the Keurmerk report), the company,
/// the year, the version, when it was signed and by whom, the signature's timestamp (time and authority) when it has one,
/// whether its UWV checklist (Keurmerk: its norms) was met, and whether a newer
/// version of the same report exists (<c>latest</c>, <c>latestVersion</c>): a superseded PDF is genuine but not current.
/// </summary>
public sealed class VerifyReportFunction(ReportFilesService reports)
{
    [Function(nameof(VerifyReport))]
    public async Task<IActionResult> VerifyReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/verify/{sha256}")] HttpRequest request,
        string sha256,
        CancellationToken cancellationToken)
    {
        if (sha256.Length != 64 || !sha256.All(Uri.IsHexDigit))
            return ApiResults.BadRequest("invalid-hash", "Geef de SHA-256 van het PDF-bestand als 64 hexadecimale tekens.");
        var found = await reports.VerifyAsync(sha256, cancellationToken);
        if (found is null)
            return ApiResults.Json(new
            {
                valid = false,
                message = "Dit bestand is geen door ons ondertekend rapport, of het is na ondertekening gewijzigd.",
            }, StatusCodes.Status404NotFound);
        var what = found.Kind == ReportKind.Keurmerk ? "Keurmerk-rapport" : "rapport";
        return ApiResults.Json(new
        {
            valid = true,
            kind = ReportKinds.Name(found.Kind),
            company = found.CompanyName,
            found.Year,
            found.Version,
            found.SignedAt,
            found.SignedBy,
            // PAdES B-T: when the timestamp authority saw the signature, and which authority; null without a timestamp.
            timestampedAt = found.Timestamp?.At,
            timestampAuthority = found.Timestamp?.Authority,
            checklistStatus = found.Kind == ReportKind.Uwv ? found.ChecklistStatus : null,
            normsStatus = found.Kind == ReportKind.Keurmerk ? found.ChecklistStatus : null,
            latest = found.IsLatest,
            latestVersion = found.Latest?.Version ?? found.Version,
            latestSignedAt = found.Latest?.SignedAt ?? found.SignedAt,
            message = found.IsLatest
                ? $"Echt: ondertekend {what} over {found.Year} van {found.CompanyName}, versie {found.Version}."
                : $"Echt: ondertekend {what} over {found.Year} van {found.CompanyName}, versie {found.Version}. Er is een nieuwere versie: versie {found.Latest!.Version}, ondertekend op {DutchTime.Format(found.Latest.SignedAt)}.",
        });
    }
}
