using Kto.Core.Accounts;
using Kto.Core.Reports;

namespace Kto.Functions.Reports;

/// <summary>The sign request of every report kind (UWV, Keurmerk): what it must hold, and the answer to a signing that signed nothing.</summary>
public static class SignRequests
{
    public sealed record SignRequest(string? Signer, string? Conclusion, string? Draft);

    private const int MaxConclusionLength = 10_000;

    /// <summary>
    /// One sign request of any report kind, the same rule for each: refuse a request that may not be signed, sign,
    /// audit only the signing that made the version (a repeat answers the same), and answer 201 with
    /// <paramref name="answer"/> of the version.
    /// </summary>
    /// <param name="statusRoute">Where the draft id is found, e.g. <c>/api/reports/2026/acme</c>; a POST there makes a draft.</param>
    /// <param name="sign">The use case's signing of (draft id, signer, conclusion).</param>
    public static async Task<IActionResult> SignAsync(HttpRequest request, string company, int year, ReportKind kind, string statusRoute,
        Func<SignRequest, CancellationToken, Task<ReportSigningResult>> sign, Func<ReportVersionInfo, object> answer,
        IAuditLog audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<SignRequest>(request, cancellationToken);
        if (Refusal(body, statusRoute) is { } refused) return refused;

        var signing = await sign(body!, cancellationToken);
        if (NotSigned(signing, statusRoute, "POST " + statusRoute) is { } notSigned) return notSigned;
        var version = signing.Version!;
        if (signing.Outcome == ReportSigningOutcome.Signed)
            await audit.WriteAsync(AuditEntry.ReportSigned(time.GetUtcNow(), AuditActions.BureauKey, company, year, version, kind), cancellationToken);
        return ApiResults.Json(answer(version), StatusCodes.Status201Created);
    }

    /// <summary>The refusal of a request that lacks a signer or a draft id, or whose conclusion is too long; null when it may be signed.</summary>
    /// <param name="statusRoute">Where the draft id is found, e.g. <c>/api/reports/2026/acme</c>.</param>
    private static IActionResult? Refusal(SignRequest? body, string statusRoute)
    {
        if (body is null || string.IsNullOrWhiteSpace(body.Signer) || body.Signer.Length > 200)
            return ApiResults.BadRequest("invalid-signer", "Geef { \"signer\": \"naam\", \"conclusion\": \"tekst\" } mee.");
        if (body.Conclusion is { Length: > MaxConclusionLength })
            return ApiResults.BadRequest("conclusion-too-long", $"De conclusie mag hoogstens {MaxConclusionLength} tekens hebben.");
        if (string.IsNullOrWhiteSpace(body.Draft) || body.Draft.Length > 100)
            return ApiResults.BadRequest("draft-required",
                $"Geef het concept mee dat u heeft beoordeeld: \"draft\" is draft.id uit GET {statusRoute}.");
        return null;
    }

    /// <summary>The answer to a signing that gave no version; null when it gave one (signed now or before).</summary>
    /// <param name="startRoute">Where a draft is made, e.g. <c>POST /api/reports/2026/acme</c>.</param>
    private static IActionResult? NotSigned(ReportSigningResult signing, string statusRoute, string startRoute) => signing.Outcome switch
    {
        ReportSigningOutcome.ConclusionMissing => ApiResults.BadRequest("conclusion-required",
            "Geef uw conclusie mee: { \"conclusion\": \"tekst\" }. Een ondertekend rapport heeft altijd de conclusie van het onderzoeksbureau."),
        ReportSigningOutcome.NoDraft => ApiResults.NotFound($"Er is geen concept om te ondertekenen. Start eerst het rapport: {startRoute}."),
        ReportSigningOutcome.DraftReplaced => ApiResults.Error(StatusCodes.Status409Conflict, "draft-replaced",
            $"Het concept is vervangen nadat u het opende. Bekijk het nieuwe concept (GET {statusRoute}) en onderteken dat."),
        _ => null,
    };
}
