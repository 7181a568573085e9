namespace Kto.Core.Reports;

/// <summary>
/// The annual KTO report of one company: the documented JSON contract (camelCase, see <see cref="ReportJson"/>)
/// that the PDF and XLSX renderings are made from.
/// </summary>
/// <param name="PreviousYear">Which earlier report the percelen are compared with, or why not; null for a report drafted before comparisons.</param>
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
    DateOnly? SubmittedToUwvOn,
    YearComparison? PreviousYear = null);
