using System.Security.Cryptography;
using System.Text;

namespace Kto.Core.Reports;

/// <summary>
/// The one way a draft becomes a signed version, for every report kind: the draft the bureau reviewed, named by its id
/// (a draft replaced since it was opened is not signed), with a conclusion (none: nothing signed), as the next version.
/// Signing is idempotent, decided in storage (a claim row per draft, signer and conclusion, made atomically with the
/// version number): the same signing again, at once or later, on any host, gives the version the first gave
/// (<see cref="ReportSigningOutcome.AlreadySigned"/>); another conclusion is a new version.
/// </summary>
public sealed class ReportVersionSigner(IReportPdfSigner pdfSigner, TimeProvider time)
{
    /// <summary>How long a claim of a signing that never completed holds: far longer than a signing takes (about a second).</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan ClaimPollInterval = TimeSpan.FromMilliseconds(200);

    /// <param name="render">Renders the version from the draft's inputs, the conclusion (normalised), the signature and the version number.</param>
    public async Task<ReportSigningResult> SignAsync<TInputs>(IReportVersionStore<TInputs> archive, string company, int year, string draftId, string signedBy,
        string? conclusion, Func<TInputs, string, ReportSignature, int, SignedRendering> render, CancellationToken cancellationToken)
        where TInputs : class, IDraftInputs
    {
        if (string.IsNullOrWhiteSpace(conclusion)) return new ReportSigningResult(ReportSigningOutcome.ConclusionMissing);
        var current = await archive.GetDraftAsync(company, year, cancellationToken);
        if (current is null) return new ReportSigningResult(ReportSigningOutcome.NoDraft);
        if (!string.Equals(current.Id, draftId.Trim(), StringComparison.OrdinalIgnoreCase))
            return new ReportSigningResult(ReportSigningOutcome.DraftReplaced, CurrentDraftId: current.Id);
        // What a draft id names never changes, so these are exactly the inputs of the figures the bureau reviewed.
        var draft = await archive.ReadDraftInputsAsync(company, year, current.Id, cancellationToken);
        if (draft is null) return new ReportSigningResult(ReportSigningOutcome.DraftReplaced, CurrentDraftId: current.Id); // replaced while we read

        var signer = signedBy.Trim();
        var text = NormalizedConclusion(conclusion);
        var key = SigningKey(current.Id, signer, text);
        while (true)
        {
            var signedAt = time.GetUtcNow();
            var claim = await archive.ClaimVersionAsync(company, year, key, current.Id, signer, signedAt, signedAt - ClaimLease, cancellationToken);
            switch (claim.State)
            {
                case VersionClaim.States.New:
                    try
                    {
                        return new ReportSigningResult(ReportSigningOutcome.Signed, await WriteVersionAsync(archive, company, year, claim.Version, current.Id, draft,
                            render(draft, text, new ReportSignature(signer, signedAt), claim.Version), signer, signedAt, cancellationToken));
                    }
                    catch
                    {
                        // A failure gives the claim up so a retry signs afresh; a host that dies holds it until the lease runs out.
                        await archive.ReleaseClaimAsync(company, year, key, claim.Version, CancellationToken.None);
                        throw;
                    }
                case VersionClaim.States.Done:
                    var done = (await archive.ListAsync(company, year, cancellationToken)).Versions.First(v => v.Version == claim.Version);
                    return new ReportSigningResult(ReportSigningOutcome.AlreadySigned, done);
                default:
                    // The same signing is being written elsewhere (a double click, a retried request): answer what it gives.
                    await Task.Delay(ClaimPollInterval, time, cancellationToken);
                    break;
            }
        }
    }

    /// <summary>Signs the rendered PDF and stores the reserved version; its hash is written last (the commit point).</summary>
    private async Task<ReportVersionInfo> WriteVersionAsync<TInputs>(IReportVersionStore<TInputs> archive, string company, int year, int version,
        string draftId, TInputs draft, SignedRendering rendered, string signer, DateTimeOffset signedAt, CancellationToken cancellationToken)
        where TInputs : class, IDraftInputs
    {
        // Kept with the version (before its commit point): what it was built from (next year's UWV report compares with these figures).
        await archive.SaveVersionInputsAsync(company, year, version, draft, cancellationToken);
        // The bureau's digital signature goes into the rendered PDF before it is stored; the recorded hash is the signed file's.
        var files = rendered.Files with { Pdf = await pdfSigner.SignAsync(rendered.Files.Pdf, rendered.PdfSignature, cancellationToken) };
        var sha = Sha256(files.Pdf);
        await archive.CompleteVersionAsync(company, year, version, files, sha, rendered.CompanyName, signedAt, rendered.Status, cancellationToken);
        return new ReportVersionInfo(version, signer, signedAt, sha, rendered.Status, draftId);
    }

    /// <summary>Line endings as a browser or a shell sends them, trimmed: the same text signed twice is the same signing.</summary>
    private static string NormalizedConclusion(string conclusion) => conclusion.Replace("\r\n", "\n").Replace('\r', '\n').Trim();

    /// <summary>Names one signing: the draft, who signs and what they conclude.</summary>
    private static string SigningKey(string draftId, string signer, string conclusion) =>
        Sha256(Encoding.UTF8.GetBytes($"{draftId.ToLowerInvariant()}\n{signer}\n{conclusion}"));

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
