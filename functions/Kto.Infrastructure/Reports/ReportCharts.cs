using Kto.Core.Reports;
using ScottPlot;

namespace Kto.Infrastructure.Reports;

/// <summary>The report's charts as PNG images (ScottPlot on SkiaSharp), drawn at twice the size they are shown.</summary>
public static class ReportCharts
{
    private static readonly string[] Months = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

    public static byte[] GradeDistribution(PerceelReport perceel, int width = 520, int height = 340)
    {
        var counts = perceel.Grades.Distribution.Select(d => (double)d.Count).ToArray();
        var labels = perceel.Grades.Distribution.Select(d => d.Grade.ToString(DutchFormat.Culture)).ToArray();
        return Bars(counts, labels, "Verdeling rapportcijfers", "Rapportcijfer", width, height);
    }

    public static byte[] ResponsesPerMonth(PerceelReport perceel, int width = 520, int height = 340) =>
        Bars(perceel.Figures.ResponsesPerMonth.Select(c => (double)c).ToArray(), Months,
            "Respons per maand van beëindiging", "Maand", width, height);

    private static byte[] Bars(double[] values, string[] labels, string title, string xLabel, int width, int height)
    {
        var plot = new Plot();
        plot.Font.Set(DejaVuFonts.Family);
        var bars = plot.Add.Bars(values);
        bars.Color = new Color(31, 78, 121);
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, labels.Length).Select(i => (double)i).ToArray(), labels);
        plot.Axes.Margins(bottom: 0);
        plot.Axes.SetLimitsY(0, Math.Max(1, values.DefaultIfEmpty(0).Max()) * 1.15);
        // Counts are whole numbers: integer ticks only.
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Title(title, size: 16);
        plot.XLabel(xLabel, size: 13);
        plot.YLabel("Aantal", size: 13);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }
}
