using Kto.Core.Companies;
using Kto.Core.Population;
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
    /// its inputs, so signing shows exactly what was reviewed. The newest figures win: a draft made from figures older
    /// than the current draft's is not stored, and the replace is conditional on the draft row (a hide or another
    /// run that saved meanwhile makes this run decide again, never overwritten unseen).
    /// </summary>
    public async Task<ReportDraftInfo> SaveDraftAsync(string company, int year, IReadOnlyList<PerceelFigures> figures, DateTimeOffset generatedAt,
        CancellationToken cancellationToken) =>
        await SaveDraftAsync(company, year, figures, await openAnswers.ReadAsync(company, year, cancellationToken), generatedAt, cancellationToken);

    /// <summary>
    /// The draft of one company's year from its population, read once for the figures and the open answers (the
    /// report run's activity per company).
    /// </summary>
    public async Task<ReportDraftInfo> SaveDraftAsync(YearPopulation population, IReadOnlyList<PerceelFigures> figures, DateTimeOffset generatedAt,
        CancellationToken cancellationToken) =>
        await SaveDraftAsync(population.Company, population.Year, figures, await openAnswers.ReadAsync(population, cancellationToken), generatedAt,
            cancellationToken);

    private async Task<ReportDraftInfo> SaveDraftAsync(string company, int year, IReadOnlyList<PerceelFigures> figures, IReadOnlyList<OpenAnswer> answers,
        DateTimeOffset generatedAt, CancellationToken cancellationToken)
    {
        var name = (await companies.GetAsync(company, cancellationToken))?.Name ?? company;
        var previous = await PreviousYearAsync(company, year - 1, cancellationToken);
        while (true)
        {
            var current = await archive.GetCurrentDraftAsync(company, year, cancellationToken);
            if (current is not null && current.Info.GeneratedAt > generatedAt) return current.Info; // a later run's figures stand
            var hidden = await HiddenIdsAsync(company, year, cancellationToken);
            var inputs = new ReportDraftInputs(name, questionnaires.Current.Version, generatedAt, figures,
                OpenAnswers: answers.Where(a => !hidden.Contains(a.Id)).ToList(), PreviousYear: previous);
            var saved = await TryReplaceAsync(company, year, inputs, current, cancellationToken);
            if (saved is null) continue;
            // An answer hidden while this draft was being made must not come back with it: decide once more.
            var hiddenNow = await HiddenIdsAsync(company, year, cancellationToken);
            if (!inputs.OpenAnswers!.Any(a => hiddenNow.Contains(a.Id))) return saved;
        }
    }

    private async Task<HashSet<string>> HiddenIdsAsync(string company, int year, CancellationToken cancellationToken) =>
        (await hiddenAnswers.ListAsync(company, year, cancellationToken)).Select(h => h.AnswerId).ToHashSet(StringComparer.Ordinal);

    /// <summary>Builds, renders and stores a draft from <paramref name="inputs"/> in place of <paramref name="current"/>; null when another save came first.</summary>
    private Task<ReportDraftInfo?> TryReplaceAsync(string company, int year, ReportDraftInputs inputs, CurrentDraft? current,
        CancellationToken cancellationToken)
    {
        var report = Build(company, year, inputs, inputs.GeneratedAt);
        return archive.TryReplaceDraftAsync(company, year, renderer.Render(report, null), inputs, StatusOf(report), current?.Revision, cancellationToken);
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
    /// Hides one open answer of the current draft, recorded with who and why: the decision is stored first,
    /// create-only (so the next draft leaves the answer out too, and of requests at once exactly one makes the
    /// record), then the current draft is rebuilt from its own inputs without it (a new draft id: a sign request
    /// naming the old one is refused), replacing it only if no run or hide saved meanwhile; else it decides again on
    /// the newer draft. A repeat answers like the first, as <see cref="AnswerHiding.Outcomes.AlreadyHidden"/>.
    /// </summary>
    public async Task<AnswerHiding> HideAnswerAsync(string company, int year, string answerId, string hiddenBy, string reason,
        CancellationToken cancellationToken)
    {
        (HiddenAnswer Record, bool Created)? recorded = null;
        while (true)
        {
            var current = await archive.GetCurrentDraftAsync(company, year, cancellationToken);
            var inputs = current is null ? null : await archive.ReadDraftInputsAsync(company, year, current.Info.Id, cancellationToken);
            if (current is not null && inputs is null && (await archive.GetDraftAsync(company, year, cancellationToken))?.Id != current.Info.Id)
                continue; // replaced while we read it
            if (current is null || inputs is null) return new AnswerHiding(AnswerHiding.Outcomes.NoDraft);
            var answers = inputs.OpenAnswers ?? [];
            if (!answers.Any(a => a.Id == answerId))
            {
                if (recorded is { } mine) return Hiding(mine, current.Info);
                var earlier = (await hiddenAnswers.ListAsync(company, year, cancellationToken)).FirstOrDefault(h => h.AnswerId == answerId);
                return earlier is null
                    ? new AnswerHiding(AnswerHiding.Outcomes.UnknownAnswer)
                    : new AnswerHiding(AnswerHiding.Outcomes.AlreadyHidden, current.Info, earlier);
            }

            recorded ??= await hiddenAnswers.AddAsync(company, year, new HiddenAnswer(answerId, hiddenBy.Trim(), reason.Trim(), time.GetUtcNow()),
                cancellationToken);
            var rest = inputs with { OpenAnswers = answers.Where(a => a.Id != answerId).ToList() };
            if (await TryReplaceAsync(company, year, rest, current, cancellationToken) is { } draft) return Hiding(recorded.Value, draft);
        }
    }

    private static AnswerHiding Hiding((HiddenAnswer Record, bool Created) recorded, ReportDraftInfo draft) =>
        new(recorded.Created ? AnswerHiding.Outcomes.Hidden : AnswerHiding.Outcomes.AlreadyHidden, draft, recorded.Record);

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
    /// signature, as the next version. A draft replaced since it was opened is not signed; nor is one without a
    /// conclusion. Idempotent, decided in storage (<see cref="ReportVersionSigner"/>, the rule every report kind signs
    /// by): the same signing again gives the version the first gave; another conclusion is a new version.
    /// </summary>
    public Task<ReportSigning> SignAsync(string company, int year, string draftId, string signedBy, string? conclusion,
        CancellationToken cancellationToken) =>
        signer.SignAsync(archive, company, year, draftId, signedBy, conclusion, (draft, text, signature, version) =>
        {
            var report = Build(company, year, draft, signature.SignedAt, text, signature);
            return new SignedRendering(renderer.Render(report, version), SignatureOf(report), report.CompanyName, StatusOf(report));
        }, cancellationToken);

    /// <summary>How long a claim of a signing that never completed holds (<see cref="ReportVersionSigner.ClaimLease"/>).</summary>
    public static readonly TimeSpan SigningClaimLease = ReportVersionSigner.ClaimLease;

    private readonly ReportVersionSigner signer = new(pdfSigner, time);

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

    /// <summary>What is not in order in the draft named by its id, to show before the bureau confirms its signature; null when that draft is no longer current.</summary>
    public async Task<SigningReview?> ReviewBeforeSigningAsync(string company, int year, string draftId, CancellationToken cancellationToken) =>
        (await archive.GetDraftAsync(company, year, cancellationToken))?.Id is { } current
        && string.Equals(current, draftId.Trim(), StringComparison.OrdinalIgnoreCase)
        && await DraftReportAsync(company, year, current, cancellationToken) is { } report
            ? SigningReview.Of(report, DutchTime.Today(time))
            : null;

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

    /// <summary>A signed version as its report.json shows it (checklist with the conclusion and signature); null when it is not there.</summary>
    public async Task<AnnualReport?> VersionReportAsync(string company, int year, int version, CancellationToken cancellationToken) =>
        await archive.ReadVersionFileAsync(company, year, version, ReportFileNames.Json, cancellationToken) is { } json
            ? ReportJson.Deserialize(System.Text.Encoding.UTF8.GetString(json))
            : null;

    /// <summary>A signed PDF of any report kind (UWV or Keurmerk) by its SHA-256; null when it is not one of ours.</summary>
    public Task<VerifiedReport?> VerifyAsync(string sha256, CancellationToken cancellationToken) =>
        archive.FindByHashAsync(sha256.ToLowerInvariant(), cancellationToken);

    public static string Sha256(byte[] content) => ReportVersionSigner.Sha256(content);

    private static string StatusOf(AnnualReport report) => report.Checklist.Status.ToString().ToLowerInvariant();

    private static ReportPdfSignature SignatureOf(AnnualReport report) => new(report.Signature!.SignedBy, report.Bureau.Name,
        report.Signature.SignedAt, $"Jaarrapportage KTO {report.Year} voor UWV, {report.CompanyName}");

    private AnnualReportBuilder Builder() => new(reportSettings, BureauInfo.From(bureauSettings));
}
