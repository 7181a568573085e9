namespace Kto.Core.Reports;

/// <summary>
/// One perceel beside the same perceel a year earlier: mean grade, response and KPI then, and the change (this year
/// minus last year; null when either year has no value). Last year's figures are judged by this report's norms, so
/// a change in KPI is a change in the figures, not in the settings.
/// </summary>
public sealed record PerceelComparison(
    int Year,
    int Ended,
    int Responded,
    double? ResponseRate,
    double? MeanGrade,
    bool? KpiMet,
    double? ResponseRateChange,
    double? MeanGradeChange)
{
    public static PerceelComparison Of(PerceelReport current, PerceelReport previous, int previousYear)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previous);
        return new PerceelComparison(
            previousYear,
            previous.Figures.Ended,
            previous.Figures.Responded,
            previous.ResponseRate.Proportion,
            previous.Grades.Mean,
            previous.KpiMet,
            Change(current.ResponseRate.Proportion, previous.ResponseRate.Proportion),
            Change(current.Grades.Mean, previous.Grades.Mean));
    }

    private static double? Change(double? now, double? before) => now is { } n && before is { } b ? n - b : null;
}
