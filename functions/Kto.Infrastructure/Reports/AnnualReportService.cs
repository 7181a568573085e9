using System.Security.Cryptography;
using System.Text;
using Kto.Core;
using Kto.Core.Companies;
using Kto.Core.Questionnaires;
using Kto.Core.Reports;
using Kto.Core.Settings;

namespace Kto.Infrastructure.Reports;

/// <summary>
/// Drafts and signed versions of the annual report: builds the report from the perceel figures, renders the
/// three files from that one report, and keeps them in the <see cref="ReportArchive"/>.
/// </summary>
public sealed class AnnualReportService(
    ReportSettings reportSettings,
    BureauSettings bureauSettings,
    KtoSettings ktoSettings,
    QuestionnaireCatalog questionnaires,
    ICompanyStore companies,
    IReportArchive archive,
    IReportPdfSigner pdfSigner,
    TimeProvider time)
{
    private readonly ReportPdfRenderer pdf = new();
    private readonly ReportXlsxRenderer xlsx = new();

    public string VerifyUrl => ktoSettings.PublicBaseUrl.TrimEnd('/') + "/api/verify/";

    /// <summary>Builds and stores the draft; a draft is replaced by the next run, signed versions are not touched.</summary>
    public async Task<ReportDraftInfo> SaveDraftAsync(string company, int year, IReadOnlyList<PerceelFigures> figures, DateTimeOffset generatedAt,
        CancellationToken cancellationToken)
    {
        var name = (await companies.GetAsync(company, cancellationToken))?.Name ?? company;
        var report = Builder().Build(new AnnualReportInput(company, name, year, generatedAt, questionnaires.Current, figures));
        return await archive.SaveDraftAsync(company, year, Render(report, null), generatedAt, report.Checklist.Status.ToString().ToLowerInvariant(),
            cancellationToken);
    }

    /// <summary>
    /// Signs the draft the bureau reviewed, named by its id: the same figures, now with the bureau's conclusion and
    /// signature, as the next version. A draft replaced since it was opened is not signed.
    /// </summary>
    public async Task<ReportSigning> SignAsync(string company, int year, string draftId, string signedBy, string? conclusion,
        CancellationToken cancellationToken)
    {
        var current = await archive.GetDraftAsync(company, year, cancellationToken);
        if (current is null) return new ReportSigning(ReportSigning.Outcomes.NoDraft);
        if (!string.Equals(current.Id, draftId.Trim(), StringComparison.OrdinalIgnoreCase))
            return new ReportSigning(ReportSigning.Outcomes.DraftReplaced, CurrentDraftId: current.Id);
        // The files under an id never change, so these are exactly the figures the bureau reviewed.
        var json = await archive.ReadDraftFileAsync(company, year, current.Id, ReportFileNames.Json, cancellationToken);
        if (json is null) return new ReportSigning(ReportSigning.Outcomes.DraftReplaced, CurrentDraftId: current.Id); // replaced while we read
        var draft = ReportJson.Deserialize(Encoding.UTF8.GetString(json));

        var signedAt = time.GetUtcNow();
        var signature = new ReportSignature(signedBy.Trim(), signedAt);
        var questionnaire = questionnaires.Get(draft.QuestionnaireVersion) ?? questionnaires.Current;
        var report = Builder().Build(new AnnualReportInput(company, draft.CompanyName, year, signedAt, questionnaire,
            draft.Percelen.Select(p => p.Figures).ToList(), conclusion, signature, draft.SubmittedToUwvOn));

        var version = await archive.ReserveVersionAsync(company, year, signature.SignedBy, signedAt, cancellationToken);
        var files = Render(report, version);
        // The bureau's digital signature goes into the rendered PDF before it is stored; the recorded hash is the signed file's.
        files = files with { Pdf = await pdfSigner.SignAsync(files.Pdf, SignatureOf(report), cancellationToken) };
        var sha = Sha256(files.Pdf);
        var status = report.Checklist.Status.ToString().ToLowerInvariant();
        await archive.CompleteVersionAsync(company, year, version, files, sha, report.CompanyName, signedAt, status, cancellationToken);
        return new ReportSigning(ReportSigning.Outcomes.Signed, new ReportVersionInfo(version, signature.SignedBy, signedAt, sha, status));
    }

    public Task<(ReportDraftInfo? Draft, IReadOnlyList<ReportVersionInfo> Versions)> ListAsync(string company, int year, CancellationToken cancellationToken) =>
        archive.ListAsync(company, year, cancellationToken);

    /// <param name="version">A version number, or null for the current draft.</param>
    public async Task<byte[]?> ReadFileAsync(string company, int year, int? version, string file, CancellationToken cancellationToken)
    {
        if (version is { } v) return await archive.ReadVersionFileAsync(company, year, v, file, cancellationToken);
        return await archive.GetDraftAsync(company, year, cancellationToken) is { } draft
            ? await archive.ReadDraftFileAsync(company, year, draft.Id, file, cancellationToken)
            : null;
    }

    public Task<VerifiedReport?> VerifyAsync(string sha256, CancellationToken cancellationToken) =>
        archive.FindByHashAsync(sha256.ToLowerInvariant(), cancellationToken);

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private static ReportPdfSignature SignatureOf(AnnualReport report) => new(report.Signature!.SignedBy, report.Bureau.Name,
        report.Signature.SignedAt, $"Jaarrapportage KTO {report.Year} voor UWV, {report.CompanyName}");

    private AnnualReportBuilder Builder() => new(reportSettings, BureauInfo.From(bureauSettings));

    private ReportFiles Render(AnnualReport report, int? version)
    {
        var questionnaire = questionnaires.Get(report.QuestionnaireVersion);
        return new ReportFiles(
            pdf.Render(report, questionnaire, VerifyUrl, version),
            xlsx.Render(report, questionnaire, version),
            Encoding.UTF8.GetBytes(ReportJson.Serialize(report)));
    }
}
