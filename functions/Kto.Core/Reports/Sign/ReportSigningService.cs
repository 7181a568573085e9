namespace Kto.Core.Reports;

/// <summary>The bureau signs the annual report's draft: a new, final version with its conclusion and a signed PDF.</summary>
public sealed class ReportSigningService(
    IReportArchive archive,
    IReportRenderer renderer,
    IReportPdfSigner pdfSigner,
    DraftReportBuilder builder,
    TimeProvider time)
{
    /// <summary>
    /// Signs the draft the bureau reviewed, named by its id: the same figures, now with the bureau's conclusion and
    /// signature, as the next version. A draft replaced since it was opened is not signed; nor is one without a
    /// conclusion. Idempotent, decided in storage (<see cref="ReportVersionSigner"/>, the rule every report kind signs
    /// by): the same signing again gives the version the first gave; another conclusion is a new version.
    /// </summary>
    public Task<ReportSigningResult> SignAsync(string company, int year, string draftId, string signedBy, string? conclusion,
        CancellationToken cancellationToken) =>
        signer.SignAsync(archive, company, year, draftId, signedBy, conclusion, (draft, text, signature, version) =>
        {
            var report = builder.Build(company, year, draft, signature.SignedAt, text, signature);
            return new SignedRendering(renderer.Render(report, version), SignatureOf(report), report.CompanyName, DraftReportBuilder.StatusOf(report));
        }, cancellationToken);

    /// <summary>How long a claim of a signing that never completed holds (<see cref="ReportVersionSigner.ClaimLease"/>).</summary>
    public static readonly TimeSpan SigningClaimLease = ReportVersionSigner.ClaimLease;

    private readonly ReportVersionSigner signer = new(pdfSigner, time);

    private static ReportPdfSignature SignatureOf(AnnualReport report) => new(report.Signature!.SignedBy, report.Bureau.Name,
        report.Signature.SignedAt, $"Jaarrapportage KTO {report.Year} voor UWV, {report.CompanyName}");
}
