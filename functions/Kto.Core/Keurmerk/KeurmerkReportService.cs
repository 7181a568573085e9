using Kto.Core.Companies;
using Kto.Core.Questionnaires;
using Kto.Core.Reports;

namespace Kto.Core.Keurmerk;

/// <summary>
/// Builds the Keurmerk report of a company and year from what is stored now (it is not drafted or signed: Blik op
/// Werk's auditor receives it from the bureau next to the signed UWV report), and its opdrachtgever response for progress.
/// </summary>
public sealed class KeurmerkReportService(
    ReportFiguresService figures,
    IReportSource source,
    OpdrachtgeverFiguresService opdrachtgevers,
    ICompanyStore companies,
    QuestionnaireCatalog questionnaires,
    KeurmerkSettings settings,
    IKeurmerkReportRenderer renderer,
    TimeProvider time)
{
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
        var clients = KeurmerkFigures.Clients(await figures.ForCompanyAsync(company, year, cancellationToken));
        var results = KeurmerkFigures.Results(await source.ServicesAsync(company, year, cancellationToken).ToListAsync(cancellationToken), settings);
        var opdrachtgeverFigures = await opdrachtgevers.ForYearAsync(company, year, cancellationToken);
        return new KeurmerkReport(found.Id, found.Name, year, time.GetUtcNow(), questionnaires.Opdrachtgever.Version,
            clients, opdrachtgeverFigures, results, KeurmerkFigures.Norms(clients, opdrachtgeverFigures, results, settings));
    }
}
