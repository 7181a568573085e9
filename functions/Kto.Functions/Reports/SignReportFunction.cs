using Kto.Core.Access;
using Kto.Functions.Http;
using Kto.Infrastructure.Reports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Kto.Functions.Reports;

/// <summary>
/// The bureau signs the current draft with its conclusion: a new, final version whose PDF hash is recorded.
/// Signing again makes another version; earlier versions stay as they are.
/// </summary>
public sealed class SignReportFunction(AccessService access, AnnualReportService reports)
{
    public sealed record SignRequest(string? Signer, string? Conclusion);

    private const int MaxConclusionLength = 10_000;

    [Function(nameof(SignReport))]
    public async Task<IActionResult> SignReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/reports/{year:int}/{company}/sign")] HttpRequest request,
        int year,
        string company,
        CancellationToken cancellationToken)
    {
        if (await access.DenyUnlessBureauAsync(request, cancellationToken) is { } denied) return denied;
        var body = await JsonBody.ReadAsync<SignRequest>(request, cancellationToken);
        if (body is null || string.IsNullOrWhiteSpace(body.Signer) || body.Signer.Length > 200)
            return ApiResults.BadRequest("invalid-signer", "Geef { \"signer\": \"naam\", \"conclusion\": \"tekst\" } mee.");
        if (body.Conclusion is { Length: > MaxConclusionLength })
            return ApiResults.BadRequest("conclusion-too-long", $"De conclusie mag hoogstens {MaxConclusionLength} tekens hebben.");

        var version = await reports.SignAsync(company, year, body.Signer, body.Conclusion, cancellationToken);
        if (version is null)
            return ApiResults.NotFound($"Er is geen concept om te ondertekenen. Start eerst het rapport: POST /api/reports/{year}/{company}.");
        return ApiResults.Json(new
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
        }, StatusCodes.Status201Created);
    }
}
