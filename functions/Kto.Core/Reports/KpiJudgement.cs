namespace Kto.Core.Reports;

/// <summary>
/// Whether a perceel's KPI verdict (mean rapportcijfer ≥ the norm) can be read at all: not with fewer grades than
/// <see cref="ReportSettings.IndicativeBelowRespondents"/> (<c>Kto:Report:IndicativeBelowRespondents</c>, 10), nor
/// when the 95% interval of the mean lies on both sides of the norm. Then the report says "te weinig antwoorden om
/// dit te beoordelen" instead of a yes or no the figures cannot carry. The one place for this rule.
/// </summary>
public static class KpiJudgement
{
    public static bool TooFewToJudge(PerceelReport perceel, double norm)
    {
        ArgumentNullException.ThrowIfNull(perceel);
        var grades = perceel.Grades;
        if (grades.Respondents == 0) return false; // no grades at all: "geen cijfers"
        return grades.IsIndicative || grades.ConfidenceInterval is { } ci && ci.Lower < norm && norm <= ci.Upper;
    }

    public const string TooFewText = "te weinig antwoorden om dit te beoordelen";
}
