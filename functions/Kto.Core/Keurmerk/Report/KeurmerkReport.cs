namespace Kto.Core.Keurmerk;

/// <summary>
/// The Blik op Werk Keurmerk figures of one company and year, beside (not inside) the UWV report: client
/// satisfaction, opdrachtgever satisfaction, the results norm, and whether each norm is met. Its JSON is the
/// contract in docs/report-schema.md ("The Keurmerk report"). A draft has no conclusion or signature; a signed version
/// has both (drafted, signed and versioned like the UWV report: <see cref="KeurmerkReportService"/>).
/// </summary>
public sealed record KeurmerkReport(
    string CompanyId,
    string CompanyName,
    int Year,
    DateTimeOffset GeneratedAt,
    string OpdrachtgeverQuestionnaireVersion,
    KeurmerkClients Clients,
    KeurmerkOpdrachtgevers Opdrachtgevers,
    KeurmerkResults Results,
    IReadOnlyList<KeurmerkNorm> Norms,
    string? Conclusion = null,
    Reports.ReportSignature? Signature = null) : Reports.IDraftInputs;
