using System.Globalization;
using Kto.Core.Portal;
using Kto.Core.Progress;

namespace Kto.Functions.Portal;

/// <summary>
/// The geometry of the server-drawn bar chart (ended services and responses per month) for the SVG in
/// <c>chart.liquid</c> beside it: numbers only, so the template stays plain markup. Presentation, so it lives
/// with the portal's pages, not in Core.
/// </summary>
public static class ProgressChart
{
    public const int Width = 640, Height = 260, Left = 44, Right = 8, Top = 12, Bottom = 34;

    public static ChartGeometry For(IReadOnlyList<MonthProgress> months)
    {
        var max = Math.Max(1, months.Max(m => m.Ended));
        var step = NiceStep(max);
        var top = (int)Math.Ceiling(max / (double)step) * step;
        double plotHeight = Height - Top - Bottom, plotWidth = Width - Left - Right;
        var group = plotWidth / 12;
        var bar = group * 0.36;
        double Y(int value) => Top + plotHeight - value / (double)top * plotHeight;
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

        return new ChartGeometry(
            Width: Width,
            Height: Height,
            Left: Left,
            RightX: Width - Right,
            Baseline: F(Top + plotHeight),
            Ticks: Enumerable.Range(0, top / step + 1).Select(i => new ChartGeometry.Tick(
                Y: F(Y(i * step)), LabelY: F(Y(i * step) + 4), Value: i * step, LabelX: Left - 6)).ToList(),
            Months: months.Select((m, i) =>
            {
                var x = Left + i * group + group * 0.12;
                return new ChartGeometry.MonthBars(
                    Name: ShownDate.MonthName(m.Month, abbreviated: true),
                    Ended: m.Ended,
                    Responded: m.Responded,
                    EndedX: F(x), EndedY: F(Y(m.Ended)), EndedH: F(Top + plotHeight - Y(m.Ended)),
                    RespondedX: F(x + bar), RespondedY: F(Y(m.Responded)), RespondedH: F(Top + plotHeight - Y(m.Responded)),
                    BarW: F(bar),
                    LabelX: F(Left + i * group + group / 2),
                    LabelY: F(Height - Bottom + 18));
            }).ToList());
    }

    private static int NiceStep(int max)
    {
        foreach (var step in new[] { 1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000 })
            if (max / step <= 5) return step;
        return (int)Math.Pow(10, Math.Ceiling(Math.Log10(max / 5.0)));
    }
}
