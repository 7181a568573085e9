using Kto.Core.Reports;
using System.Globalization;
using System.Security.Cryptography;
using Kto.Core;
using Kto.Core.Accounts;
using Kto.Core.Settings;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

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
        return Page(request, visitor, new Dictionary<string, object?>());
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
            return Page(request, visitor, new Dictionary<string, object?> { ["error"] = "Kies bij ‘Rapport’ het PDF-bestand dat u wilt controleren." }, StatusCodes.Status422UnprocessableEntity);

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
        var values = new Dictionary<string, object?> { ["checked"] = true, ["sha256"] = sha256, ["recognized"] = found is not null };
        if (found is not null)
        {
            values["company"] = found.CompanyName;
            values["year"] = found.Year;
            values["version"] = found.Version;
            values["signed_at"] = DutchTime.ToDutch(found.SignedAt).ToString("d MMMM yyyy 'om' HH:mm", DutchTime.Culture);
            values["bureau_name"] = bureau.Name;
            values["signed_by"] = found.SignedBy;
            if (found.Timestamp is { } timestamp)
            {
                // To the second: the authority's time is what the timestamp proves.
                values["timestamped_at"] = DutchTime.ToDutch(timestamp.At).ToString("d MMMM yyyy 'om' HH:mm:ss", DutchTime.Culture);
                values["timestamp_authority"] = timestamp.Authority;
            }
            values["kind_text"] = found.Kind == ReportKind.Keurmerk ? "Blik op Werk Keurmerk-rapport" : "Jaarrapportage KTO voor UWV";
            values["norms"] = found.Kind != ReportKind.Keurmerk ? null : found.ChecklistStatus switch
            {
                "passed" => "Ja, elke norm van het Keurmerk is gehaald.",
                "failed" => "Nee, niet elke norm van het Keurmerk is gehaald. Het rapport zelf zegt welke.",
                "pending" => "Nog open: voor een norm van het Keurmerk waren er bij ondertekenen geen cijfers. Het rapport zelf zegt welke.",
                _ => null,
            };
            values["checklist"] = found.Kind != ReportKind.Uwv ? null : found.ChecklistStatus switch
            {
                "passed" => "Ja, alle punten van de controlelijst van UWV zijn in orde.",
                "failed" => "Nee, niet alle punten van de controlelijst van UWV zijn in orde. Het rapport zelf zegt welke.",
                "pending" => "Nog open: een punt van de controlelijst van UWV kon bij ondertekenen nog niet worden vastgesteld (zoals het op tijd indienen). Het rapport zelf zegt welke.",
                _ => null,
            };
            if (!found.IsLatest)
            {
                values["latest_version"] = found.Latest!.Version;
                values["latest_signed_at"] = DutchTime.ToDutch(found.Latest.SignedAt).ToString("d MMMM yyyy 'om' HH:mm", DutchTime.Culture);
            }
        }
        return Page(request, visitor, values);
    }

    private IActionResult Page(HttpRequest request, Visitor visitor, Dictionary<string, object?> values, int status = StatusCodes.Status200OK)
    {
        return gate.PreSessionPage(request, token =>
        {
            values["form_token"] = token;
            return gate.View(visitor, "verify.liquid", "Rapport controleren", values, "verify");
        }, status);
    }

    private static bool IsHash(string text) => text.Length == 64 && text.All(Uri.IsHexDigit);
}
