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
    OpenAnswersService openAnswers,
    IHiddenAnswerStore hiddenAnswers,
    TimeProvider time)
{
    /// <summary>
    /// Builds and stores the draft; a draft is replaced by the next run, signed versions are not touched. The draft
    /// takes the open answers (redacted, without those the bureau hid) and the previous year's signed figures into
    /// its inputs, so signing shows exactly what was reviewed.
    /// </summary>
    public async Task<ReportDraftInfo> SaveDraftAsync(string company, int year, IReadOnlyList<PerceelFigures> figures, DateTimeOffset generatedAt,
        CancellationToken cancellationToken)
    {
        var name = (await companies.GetAsync(company, cancellationToken))?.Name ?? company;
        var hidden = (await hiddenAnswers.ListAsync(company, year, cancellationToken)).Select(h => h.AnswerId).ToHashSet(StringComparer.Ordinal);
        var answers = (await openAnswers.ReadAsync(company, year, cancellationToken)).Where(a => !hidden.Contains(a.Id)).ToList();
        var previous = await PreviousYearAsync(company, year - 1, cancellationToken);
        var inputs = new ReportDraftInputs(name, questionnaires.Current.Version, generatedAt, figures, OpenAnswers: answers, PreviousYear: previous);
        var report = Build(company, year, inputs, generatedAt);
        var saved = await archive.SaveDraftAsync(company, year, renderer.Render(report, null), inputs, StatusOf(report), cancellationToken);

        // An answer hidden while this draft was being made must not come back with it: save once more without it.
        var hiddenSince = (await hiddenAnswers.ListAsync(company, year, cancellationToken)).Select(h => h.AnswerId).Where(id => !hidden.Contains(id)).ToHashSet();
        if (!answers.Any(a => hiddenSince.Contains(a.Id))) return saved;
        var rest = inputs with { OpenAnswers = answers.Where(a => !hiddenSince.Contains(a.Id)).ToList() };
        var again = Build(company, year, rest, generatedAt);
        return await archive.SaveDraftAsync(company, year, renderer.Render(again, null), rest, StatusOf(again), cancellationToken);
    }

    /// <summary>The latest signed report over <paramref name="year"/>, as the figures its signing stored.</summary>
    private async Task<PreviousYearFigures> PreviousYearAsync(string company, int year, CancellationToken cancellationToken)
    {
        var latest = (await archive.ListAsync(company, year, cancellationToken)).Versions.LastOrDefault();
        if (latest is null) return PreviousYearFigures.None(year);
        var inputs = await archive.ReadVersionInputsAsync(company, year, latest.Version, cancellationToken);
        return new PreviousYearFigures(year, latest.Version, inputs?.Figures ?? []);
    }

    /// <summary>
    /// Hides one open answer of the current draft, recorded with who and why: the decision is stored first (so the
    /// next draft leaves the answer out too), then the draft is rebuilt from its own inputs without it (a new draft
    /// id: a sign request naming the old one is refused). Hiding an answer hidden before changes nothing.
    /// </summary>
    public async Task<AnswerHiding> HideAnswerAsync(string company, int year, string answerId, string hiddenBy, string reason,
        CancellationToken cancellationToken)
    {
        var current = await archive.GetDraftAsync(company, year, cancellationToken);
        var inputs = current is null ? null : await archive.ReadDraftInputsAsync(company, year, current.Id, cancellationToken);
        if (current is null || inputs is null) return new AnswerHiding(AnswerHiding.Outcomes.NoDraft);
        var answers = inputs.OpenAnswers ?? [];
        if (!answers.Any(a => a.Id == answerId))
        {
            var earlier = (await hiddenAnswers.ListAsync(company, year, cancellationToken)).FirstOrDefault(h => h.AnswerId == answerId);
            return earlier is null
                ? new AnswerHiding(AnswerHiding.Outcomes.UnknownAnswer)
                : new AnswerHiding(AnswerHiding.Outcomes.AlreadyHidden, current, earlier);
        }

        var hidden = new HiddenAnswer(answerId, hiddenBy.Trim(), reason.Trim(), time.GetUtcNow());
        await hiddenAnswers.AddAsync(company, year, hidden, cancellationToken);
        var rest = inputs with { OpenAnswers = answers.Where(a => a.Id != answerId).ToList() };
        var report = Build(company, year, rest, rest.GeneratedAt);
        var draft = await archive.SaveDraftAsync(company, year, renderer.Render(report, null), rest, StatusOf(report), cancellationToken);
        return new AnswerHiding(AnswerHiding.Outcomes.Hidden, draft, hidden);
    }

    /// <summary>The current draft's open answers (what its files show) and the answers hidden from this report; null without a draft.</summary>
    public async Task<DraftOpenAnswers?> DraftOpenAnswersAsync(string company, int year, CancellationToken cancellationToken)
    {
        var current = await archive.GetDraftAsync(company, year, cancellationToken);
        var inputs = current is null ? null : await archive.ReadDraftInputsAsync(company, year, current.Id, cancellationToken);
        if (current is null || inputs is null) return null;
        return new DraftOpenAnswers(current, inputs.OpenAnswers ?? [], await hiddenAnswers.ListAsync(company, year, cancellationToken));
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
        var report = Build(company, year, draft, signedAt, conclusion, signature);

        var version = await archive.ReserveVersionAsync(company, year, signature.SignedBy, signedAt, cancellationToken);
        // Kept with the version (before its commit point): next year's report compares with these figures.
        await archive.SaveVersionInputsAsync(company, year, version, draft, cancellationToken);
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
    public async Task<UwvChecklist?> DraftChecklistAsync(string company, int year, string draftId, CancellationToken cancellationToken) =>
        (await DraftReportAsync(company, year, draftId, cancellationToken))?.Checklist;

    /// <summary>
    /// The draft named by its id as a report, rebuilt from its stored inputs the way the draft was built: its checklist,
    /// its percelen (exemption, open answers) as the draft's files show them. Null when that draft is no longer current.
    /// </summary>
    public async Task<AnnualReport?> DraftReportAsync(string company, int year, string draftId, CancellationToken cancellationToken)
    {
        var draft = await archive.ReadDraftInputsAsync(company, year, draftId, cancellationToken);
        return draft is null ? null : Build(company, year, draft, draft.GeneratedAt);
    }

    /// <summary>The one way a report is built from a draft's inputs: drafting, hiding, the checklist and signing alike.</summary>
    private AnnualReport Build(string company, int year, ReportDraftInputs inputs, DateTimeOffset at, string? conclusion = null,
        ReportSignature? signature = null)
    {
        var questionnaire = questionnaires.Get(inputs.QuestionnaireVersion) ?? questionnaires.Current;
        return Builder().Build(new AnnualReportInput(company, inputs.CompanyName, year, at, questionnaire, inputs.Figures, conclusion,
            signature, inputs.SubmittedToUwvOn, inputs.OpenAnswers, inputs.PreviousYear));
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
