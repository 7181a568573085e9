using Kto.Core.Statistics;

namespace Kto.Core.Reports;

/// <summary>One perceel in the annual report: the figures, what follows from them, and the norms' verdicts.</summary>
/// <param name="ResponseRate">Responded / ended, with its Wilson interval.</param>
/// <param name="KpiMet">Unrounded mean rapportcijfer at least the KPI norm (6.96 shown as "7,0" does not meet 7); null when nobody gave a grade.</param>
/// <param name="MinimumResponseMet">Null when no service ended (nothing to respond to).</param>
/// <param name="ExemptionPossible">Fewer ended services than the exemption threshold: the company may ask UWV for exemption.</param>
/// <param name="OpenAnswers">The appendix: this perceel's open answers, redacted, without the ones the bureau hid.</param>
/// <param name="PreviousYear">The same perceel in the previous year's signed report; null when there is none to compare with.</param>
public sealed record PerceelReport(
    PerceelFigures Figures,
    ProportionInterval ResponseRate,
    GradeStatistics Grades,
    bool? KpiMet,
    bool? MinimumResponseMet,
    bool ExemptionPossible,
    IReadOnlyList<OpenAnswer>? OpenAnswers = null,
    PerceelComparison? PreviousYear = null);
