using Kto.Core.Reports;

namespace Kto.Infrastructure.Reports;

/// <summary>The report's charts per perceel: what they show (the PDF draws them, <see cref="PdfLayout.BarChart"/>).</summary>
public static class ReportCharts
{
    private static readonly string[] Months = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

    public static BarChart GradeDistribution(PerceelReport perceel) => new(
        "Verdeling rapportcijfers", "Rapportcijfer", "Aantal",
        perceel.Grades.Distribution.Select(d => d.Grade.ToString(DutchFormat.Culture)).ToList(),
        perceel.Grades.Distribution.Select(d => (double)d.Count).ToList());

    public static BarChart ResponsesPerMonth(PerceelReport perceel) => new(
        "Respons per maand van beëindiging", "Maand", "Aantal",
        Months, perceel.Figures.ResponsesPerMonth.Select(c => (double)c).ToList());
}
