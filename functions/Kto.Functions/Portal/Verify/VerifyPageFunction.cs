using System.Globalization;
using System.Security.Cryptography;
using Kto.Core;
using Kto.Core.Accounts;
using Kto.Core.Portal;
using Kto.Core.Reports;
using Kto.Core.Settings;

namespace Kto.Functions.Portal;

/// <summary>
/// The check page for anyone (UWV): is this PDF a report the bureau signed? With JavaScript the browser hashes the
/// file and asks with <c>?sha256=</c>; without, the form posts the file and the server hashes it (streamed).
/// The answer comes from the same lookup as <c>GET /api/verify/{sha256}</c>.
/// </summary>
public sealed class VerifyPageFunction(PortalGate gate, ReportFilesService reports, BureauSettings bureau)
{
    /// <summary>Bigger than any report we make; a bigger file is not one of ours and is not read further.</summary>
    private const long MaxPdfBytes = 50L * 1024 * 1024;

    [Function(nameof(VerifyPage))]
    [PortalPage(PortalAccess.Anyone)]
    public async Task<IActionResult> VerifyPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "verify")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var visitor = request.Opening().Visitor;
        var sha256 = request.Query["sha256"].ToString();
        if (sha256.Length > 0)
            return await ResultAsync(request, visitor, IsHash(sha256) ? sha256.ToLowerInvariant() : null, cancellationToken);
        return Page(request, visitor, new ReportCheckPage());
    }

    [Function(nameof(VerifyUpload))]
    [PortalUpload(PortalAccess.Anyone)]
    public async Task<IActionResult> VerifyUpload(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "verify")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var visitor = request.Opening().Visitor;
        await using var upload = await PortalUpload.OpenAsync(request, cancellationToken, fileField: "rapport");
        if (upload.IsUnreadable) return gate.Unreadable(visitor);
        if (!gate.IsGenuinePreSession(request, upload.FormToken)) return gate.Refused(visitor);
        if (upload.File is null)
            return Page(request, visitor, new ReportCheckPage { Error = "Kies bij ‘Rapport’ het PDF-bestand dat u wilt controleren." }, StatusCodes.Status422UnprocessableEntity);

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        try
        {
            while ((read = await upload.File.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > MaxPdfBytes) return await ResultAsync(request, visitor, null, cancellationToken);
                hash.AppendData(buffer, 0, read);
            }
        }
        catch (Exception e) when (PortalForms.IsUnreadableBody(e))
        {
            return gate.Unreadable(visitor);
        }
        return await ResultAsync(request, visitor, Convert.ToHexStringLower(hash.GetHashAndReset()), cancellationToken);
    }

    private async Task<IActionResult> ResultAsync(HttpRequest request, Visitor visitor, string? sha256, CancellationToken cancellationToken)
    {
        var found = sha256 is null ? null : await reports.VerifyAsync(sha256, cancellationToken);
        var page = new ReportCheckPage { Checked = true, Sha256 = sha256, Recognized = found is not null };
        if (found is not null)
        {
            page = page with
            {
                Company = found.CompanyName,
                Year = found.Year,
                Version = found.Version,
                SignedAt = ShownDate.MinuteAt(found.SignedAt),
                BureauName = bureau.Name,
                SignedBy = found.SignedBy,
            };
            if (found.Timestamp is { } timestamp)
            {
                // To the second: the authority's time is what the timestamp proves.
                page = page with
                {
                    TimestampedAt = ShownDate.SecondAt(timestamp.At),
                    TimestampAuthority = timestamp.Authority,
                };
            }
            page = page with { KindText = found.Kind == ReportKind.Keurmerk ? "Blik op Werk Keurmerk-rapport" : "Jaarrapportage KTO voor UWV" };
            page = page with { Norms = found.Kind != ReportKind.Keurmerk ? null : found.ChecklistStatus switch
            {
                "passed" => "Ja, elke norm van het Keurmerk is gehaald.",
                "failed" => "Nee, niet elke norm van het Keurmerk is gehaald. Het rapport zelf zegt welke.",
                "pending" => "Nog open: voor een norm van het Keurmerk waren er bij ondertekenen geen cijfers. Het rapport zelf zegt welke.",
                _ => null,
            } };
            page = page with { Checklist = found.Kind != ReportKind.Uwv ? null : found.ChecklistStatus switch
            {
                "passed" => "Ja, alle punten van de controlelijst van UWV zijn in orde.",
                "failed" => "Nee, niet alle punten van de controlelijst van UWV zijn in orde. Het rapport zelf zegt welke.",
                "pending" => "Nog open: een punt van de controlelijst van UWV kon bij ondertekenen nog niet worden vastgesteld (zoals het op tijd indienen). Het rapport zelf zegt welke.",
                _ => null,
            } };
            if (!found.IsLatest)
            {
                page = page with
                {
                    LatestVersion = found.Latest!.Version,
                    LatestSignedAt = ShownDate.MinuteAt(found.Latest.SignedAt),
                };
            }
        }
        return Page(request, visitor, page);
    }

    private IActionResult Page(HttpRequest request, Visitor visitor, ReportCheckPage page, int status = StatusCodes.Status200OK) =>
        gate.PreSessionPage(request, token => gate.View(visitor, "verify.liquid", "Rapport controleren", page with { FormToken = token }, "verify"), status);

    private static bool IsHash(string text) => text.Length == 64 && text.All(Uri.IsHexDigit);
}
