namespace Kto.Core.Reports;

/// <summary>The norms this report was judged by, written into the report so a reader never has to guess the settings.</summary>
public sealed record ReportNorms(
    double KpiMinimumMeanGrade,
    double MinimumResponseRate,
    int MinimumRespondents,
    int ExemptionThreshold,
    int IndicativeBelowRespondents,
    DateOnly SubmissionDeadline);
