using System.Security.Cryptography;
using Kto.Core.Companies;
using Kto.Core.Questionnaires;
using Kto.Core.Settings;

namespace Kto.Core.Reports;

/// <summary>
/// Drafts and signed versions of the annual report: builds the report from the perceel figures, has it rendered
/// (<see cref="IReportRenderer"/>) and keeps the files and the draft's inputs in the <see cref="IReportArchive"/>.
/// </summary>
public sealed class AnnualReportService(
    ReportSettings reportSettings,
    BureauSettings bureauSettings,
    QuestionnaireCatalog questionnaires,
    ICompanyStore companies,
    IReportArchive archive,
    IReportRenderer renderer,
    IReportPdfSigner pdfSigner,
    TimeProvider time)
{
    /// <summary>Builds and stores the draft; a draft is replaced by the next run, signed versions are not touched.</summary>
    public async Task<ReportDraftInfo> SaveDraftAsync(string company, int year, IReadOnlyList<PerceelFigures> figures, DateTimeOffset generatedAt,
        CancellationToken cancellationToken)
    {
        var name = (await companies.GetAsync(company, cancellationToken))?.Name ?? company;
        var questionnaire = questionnaires.Current;
        var report = Builder().Build(new AnnualReportInput(company, name, year, generatedAt, questionnaire, figures));
        var inputs = new ReportDraftInputs(name, questionnaire.Version, generatedAt, figures);
        return await archive.SaveDraftAsync(company, year, renderer.Render(report, null), inputs, StatusOf(report), cancellationToken);
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
        // What a draft id names never changes, so these are exactly the inputs of the figures the bureau reviewed.
        var draft = await archive.ReadDraftInputsAsync(company, year, current.Id, cancellationToken);
        if (draft is null) return new ReportSigning(ReportSigning.Outcomes.DraftReplaced, CurrentDraftId: current.Id); // replaced while we read

        var signedAt = time.GetUtcNow();
        var signature = new ReportSignature(signedBy.Trim(), signedAt);
        var questionnaire = questionnaires.Get(draft.QuestionnaireVersion) ?? questionnaires.Current;
        var report = Builder().Build(new AnnualReportInput(company, draft.CompanyName, year, signedAt, questionnaire,
            draft.Figures, conclusion, signature, draft.SubmittedToUwvOn));

        var version = await archive.ReserveVersionAsync(company, year, signature.SignedBy, signedAt, cancellationToken);
        var files = renderer.Render(report, version);
        // The bureau's digital signature goes into the rendered PDF before it is stored; the recorded hash is the signed file's.
        files = files with { Pdf = await pdfSigner.SignAsync(files.Pdf, SignatureOf(report), cancellationToken) };
        var sha = Sha256(files.Pdf);
        var status = StatusOf(report);
        await archive.CompleteVersionAsync(company, year, version, files, sha, report.CompanyName, signedAt, status, cancellationToken);
        return new ReportSigning(ReportSigning.Outcomes.Signed, new ReportVersionInfo(version, signature.SignedBy, signedAt, sha, status));
    }

    /// <summary>
    /// The UWV checklist of the draft named by its id, rebuilt from its stored inputs the same way the draft was
    /// built (so the page shows exactly the checks in the draft PDF). Null when that draft is no longer current.
    /// </summary>
    public async Task<UwvChecklist?> DraftChecklistAsync(string company, int year, string draftId, CancellationToken cancellationToken)
    {
        var draft = await archive.ReadDraftInputsAsync(company, year, draftId, cancellationToken);
        if (draft is null) return null;
        var questionnaire = questionnaires.Get(draft.QuestionnaireVersion) ?? questionnaires.Current;
        return Builder().Build(new AnnualReportInput(company, draft.CompanyName, year, draft.GeneratedAt, questionnaire,
            draft.Figures, SubmittedToUwvOn: draft.SubmittedToUwvOn)).Checklist;
    }

    public Task<(ReportDraftInfo? Draft, IReadOnlyList<ReportVersionInfo> Versions)> ListAsync(string company, int year, CancellationToken cancellationToken) =>
        archive.ListAsync(company, year, cancellationToken);

    /// <summary>
    /// One file of the version asked for; <see cref="ReportVersionChoice.Latest"/> is the latest signed version, or the
    /// draft while nothing is signed. Null when that file does not exist (yet).
    /// </summary>
    public async Task<ReportFile?> ReadFileAsync(string company, int year, ReportVersionChoice choice, string file, CancellationToken cancellationToken)
    {
        var version = choice.Kind switch
        {
            ReportVersionKind.Signed => choice.Number,
            ReportVersionKind.Latest => (await archive.ListAsync(company, year, cancellationToken)).Versions.LastOrDefault()?.Version,
            _ => null,
        };
        var content = version is { } v
            ? await archive.ReadVersionFileAsync(company, year, v, file, cancellationToken)
            : await archive.GetDraftAsync(company, year, cancellationToken) is { } draft
                ? await archive.ReadDraftFileAsync(company, year, draft.Id, file, cancellationToken)
                : null;
        return content is null ? null : new ReportFile(content, version);
    }

    public Task<VerifiedReport?> VerifyAsync(string sha256, CancellationToken cancellationToken) =>
        archive.FindByHashAsync(sha256.ToLowerInvariant(), cancellationToken);

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private static string StatusOf(AnnualReport report) => report.Checklist.Status.ToString().ToLowerInvariant();

    private static ReportPdfSignature SignatureOf(AnnualReport report) => new(report.Signature!.SignedBy, report.Bureau.Name,
        report.Signature.SignedAt, $"Jaarrapportage KTO {report.Year} voor UWV, {report.CompanyName}");

    private AnnualReportBuilder Builder() => new(reportSettings, BureauInfo.From(bureauSettings));
}
