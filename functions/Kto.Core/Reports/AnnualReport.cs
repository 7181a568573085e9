namespace Kto.Core.Reports;

/// <summary>
/// The annual KTO report of one company: the documented JSON contract (camelCase, see <see cref="ReportJson"/>)
/// that the PDF and XLSX renderings are made from.
/// </summary>
public sealed record AnnualReport(
    string CompanyId,
    string CompanyName,
    int Year,
    DateTimeOffset GeneratedAt,
    string QuestionnaireVersion,
    BureauInfo Bureau,
    ReportNorms Norms,
    IReadOnlyList<PerceelReport> Percelen,
    UwvChecklist Checklist,
    string? Conclusion,
    ReportSignature? Signature,
    DateOnly? SubmittedToUwvOn);
