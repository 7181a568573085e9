using System.Globalization;
using Kto.Core.Progress;

namespace Kto.Core.Portal;

/// <summary>
/// The geometry of the server-drawn bar chart (ended services and responses per month) for the SVG in
/// <c>Templates/Portal/chart.liquid</c>: numbers only, so the template stays plain markup.
/// </summary>
public static class ProgressChart
{
    public const int Width = 640, Height = 260, Left = 44, Right = 8, Top = 12, Bottom = 34;
    private static readonly string[] MonthNames = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

    public static Dictionary<string, object?> For(IReadOnlyList<MonthProgress> months)
    {
        var max = Math.Max(1, months.Max(m => m.Ended));
        var step = NiceStep(max);
        var top = (int)Math.Ceiling(max / (double)step) * step;
        double plotHeight = Height - Top - Bottom, plotWidth = Width - Left - Right;
        var group = plotWidth / 12;
        var bar = group * 0.36;
        double Y(int value) => Top + plotHeight - value / (double)top * plotHeight;
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

        return new Dictionary<string, object?>
        {
            ["width"] = Width,
            ["height"] = Height,
            ["left"] = Left,
            ["right_x"] = Width - Right,
            ["baseline"] = F(Top + plotHeight),
            ["ticks"] = Enumerable.Range(0, top / step + 1).Select(i => new Dictionary<string, object?>
            {
                ["y"] = F(Y(i * step)), ["label_y"] = F(Y(i * step) + 4), ["value"] = i * step, ["label_x"] = Left - 6,
            }).ToList(),
            ["months"] = months.Select((m, i) =>
            {
                var x = Left + i * group + group * 0.12;
                return new Dictionary<string, object?>
                {
                    ["name"] = MonthNames[m.Month - 1],
                    ["ended"] = m.Ended,
                    ["responded"] = m.Responded,
                    ["ended_x"] = F(x), ["ended_y"] = F(Y(m.Ended)), ["ended_h"] = F(Top + plotHeight - Y(m.Ended)),
                    ["responded_x"] = F(x + bar), ["responded_y"] = F(Y(m.Responded)), ["responded_h"] = F(Top + plotHeight - Y(m.Responded)),
                    ["bar_w"] = F(bar),
                    ["label_x"] = F(Left + i * group + group / 2),
                    ["label_y"] = F(Height - Bottom + 18),
                };
            }).ToList(),
        };
    }

    private static int NiceStep(int max)
    {
        foreach (var step in new[] { 1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000 })
            if (max / step <= 5) return step;
        return (int)Math.Pow(10, Math.Ceiling(Math.Log10(max / 5.0)));
    }
}
