using Kto.Core.Companies;
using Kto.Core.Questionnaires;
using Kto.Core.Reports;
using Kto.Core.Settings;

namespace Kto.Core.Keurmerk;

/// <summary>
/// The Keurmerk report of a company and year: built from what is stored now (<see cref="FileAsync"/>, the figures of
/// this moment), and drafted, signed and versioned like the UWV report, by the same rules (<see cref="ReportVersionSigner"/>,
/// the archive of <see cref="ReportKind.Keurmerk"/>), so Blik op Werk's auditor gets a signed PDF that /verify recognises.
/// </summary>
public sealed class KeurmerkReportService(
    ReportFiguresService figures,
    OpdrachtgeverFiguresService opdrachtgevers,
    ICompanyStore companies,
    QuestionnaireCatalog questionnaires,
    KeurmerkSettings settings,
    IKeurmerkReportRenderer renderer,
    IReportVersionStore<KeurmerkReport> archive,
    IReportPdfSigner pdfSigner,
    BureauSettings bureau,
    TimeProvider time)
{
    private readonly ReportVersionSigner signer = new(pdfSigner, time);

    /// <summary>One file of the report; null when the company does not exist.</summary>
    public async Task<KeurmerkFile?> FileAsync(string company, int year, KeurmerkFormat format, CancellationToken cancellationToken) =>
        await BuildAsync(company, year, cancellationToken) is { } report
            ? new KeurmerkFile(KeurmerkFormats.FileName(format), KeurmerkFormats.ContentType(format), renderer.Render(report, format))
            : null;

    /// <summary>The report; null when the company does not exist.</summary>
    public async Task<KeurmerkReport?> BuildAsync(string company, int year, CancellationToken cancellationToken)
    {
        var found = await companies.GetAsync(company, cancellationToken);
        if (found is null) return null;
        // One read of the clients' year for their figures and the results norm.
        var population = await figures.PopulationAsync(company, year, cancellationToken);
        var clients = KeurmerkFigures.Clients(figures.Count(population).Percelen);
        var results = KeurmerkFigures.Results(population.Services, settings);
        var opdrachtgeverFigures = await opdrachtgevers.ForYearAsync(company, year, cancellationToken);
        return new KeurmerkReport(found.Id, found.Name, year, time.GetUtcNow(), questionnaires.Opdrachtgever.Version,
            clients, opdrachtgeverFigures, results, KeurmerkFigures.Norms(clients, opdrachtgeverFigures, results, settings));
    }

    /// <summary>
    /// Drafts the report from the figures of now and keeps it as the current draft (its report is the draft's inputs,
    /// which signing renders again with the conclusion and signature); signed versions are not touched. The newest
    /// figures win: the replace is conditional on the draft row, and a draft made before the current one is not stored.
    /// Null when the company does not exist.
    /// </summary>
    public async Task<ReportDraftInfo?> SaveDraftAsync(string company, int year, CancellationToken cancellationToken)
    {
        if (await BuildAsync(company, year, cancellationToken) is not { } report) return null;
        var files = renderer.RenderFiles(report, null);
        while (true)
        {
            var current = await archive.GetCurrentDraftAsync(company, year, cancellationToken);
            if (current is not null && current.Info.GeneratedAt > report.GeneratedAt) return current.Info; // a later draft's figures stand
            if (await archive.TryReplaceDraftAsync(company, year, files, report, NormsStatus(report), current, cancellationToken) is { } saved)
                return saved;
        }
    }

    /// <summary>
    /// Signs the draft the bureau reviewed, named by its id, with its conclusion: the next version, by the rule the UWV
    /// report signs by (<see cref="ReportVersionSigner"/>: a replaced draft or no conclusion signs nothing; the same
    /// signing again gives the version it gave; another conclusion is a new version).
    /// </summary>
    public Task<ReportSigningResult> SignAsync(string company, int year, string draftId, string signedBy, string? conclusion,
        CancellationToken cancellationToken) =>
        signer.SignAsync(archive, company, year, draftId, signedBy, conclusion, (draft, text, signature, version) =>
        {
            var report = draft with { Conclusion = text, Signature = signature };
            return new SignedRendering(renderer.RenderFiles(report, version), new ReportPdfSignature(signature.SignedBy, bureau.Name, signature.SignedAt,
                $"Blik op Werk Keurmerk {report.Year}, {report.CompanyName}"), report.CompanyName, NormsStatus(report));
        }, cancellationToken);

    public Task<(ReportDraftInfo? Draft, IReadOnlyList<ReportVersionInfo> Versions)> ListAsync(string company, int year, CancellationToken cancellationToken) =>
        archive.ListAsync(company, year, cancellationToken);

    /// <summary>
    /// One stored file: a signed version, the draft, or (<see cref="ReportVersionChoice.Latest"/>) the latest signed
    /// version, else the draft. Null when it does not exist (yet).
    /// </summary>
    public async Task<KeurmerkFile?> ReadFileAsync(string company, int year, ReportVersionChoice choice, KeurmerkFormat format,
        CancellationToken cancellationToken)
    {
        var version = choice.Kind switch
        {
            ReportVersionKind.Signed => choice.Number,
            ReportVersionKind.Latest => (await archive.ListAsync(company, year, cancellationToken)).Versions.LastOrDefault()?.Version,
            _ => null,
        };
        var file = StoredName(format);
        var content = version is { } v
            ? await archive.ReadVersionFileAsync(company, year, v, file, cancellationToken)
            : await archive.GetDraftAsync(company, year, cancellationToken) is { } draft
                ? await archive.ReadDraftFileAsync(company, year, draft.Id, file, cancellationToken)
                : null;
        return content is null ? null : new KeurmerkFile(KeurmerkFormats.FileName(format), KeurmerkFormats.ContentType(format), content);
    }

    /// <summary>The archive keeps every kind's three files under the same names (<see cref="ReportFileNames"/>).</summary>
    private static string StoredName(KeurmerkFormat format) => format switch
    {
        KeurmerkFormat.Pdf => ReportFileNames.Pdf,
        KeurmerkFormat.Xlsx => ReportFileNames.Xlsx,
        _ => ReportFileNames.Json,
    };

    /// <summary>What the version row records in place of the UWV checklist: every norm met (passed), one not met (failed), else pending.</summary>
    public static string NormsStatus(KeurmerkReport report) =>
        report.Norms.Any(n => n.Met == false) ? "failed"
        : report.Norms.All(n => n.Met == true) ? "passed"
        : "pending";
}
