using Kto.Core.Portal;
using Kto.Core.Progress;

namespace Kto.Core.Tests.Portal;

/// <summary>
/// The progress chart's geometry: the axis runs in round steps to at least the highest month, bars are as tall as
/// their value on that axis, and each month sits in its own twelfth of the plot.
/// </summary>
public sealed class ProgressChartTests
{
    private static List<MonthProgress> Months(params int[] ended) =>
        ended.Select((e, i) => new MonthProgress(i + 1, e, e / 2)).ToList();

    private static List<Dictionary<string, object?>> Ticks(Dictionary<string, object?> chart) => (List<Dictionary<string, object?>>)chart["ticks"]!;

    private static List<Dictionary<string, object?>> Bars(Dictionary<string, object?> chart) => (List<Dictionary<string, object?>>)chart["months"]!;

    private static double D(object? value) => double.Parse((string)value!, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(0, new[] { 0, 1 })]               // an empty year still has an axis
    [InlineData(5, new[] { 0, 1, 2, 3, 4, 5 })]
    [InlineData(7, new[] { 0, 2, 4, 6, 8 })]
    [InlineData(23, new[] { 0, 5, 10, 15, 20, 25 })]
    [InlineData(130, new[] { 0, 25, 50, 75, 100, 125, 150 })]
    [InlineData(120000, new[] { 0, 100000, 200000 })] // beyond the list of round steps: a power of ten
    public void The_axis_has_round_steps_up_to_at_least_the_highest_month(int max, int[] ticks)
    {
        var chart = ProgressChart.For(Months(max, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));

        Assert.Equal(ticks, Ticks(chart).Select(t => (int)t["value"]!));
    }

    [Fact]
    public void A_bar_is_as_tall_as_its_value_on_the_axis_and_the_highest_tick_is_the_top_of_the_plot()
    {
        var chart = ProgressChart.For(Months(10, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        var bars = Bars(chart);
        const double plot = ProgressChart.Height - ProgressChart.Top - ProgressChart.Bottom; // 214

        Assert.Equal(ProgressChart.Top + plot, D(chart["baseline"]));
        Assert.Equal((plot, plot / 2, 0.0), (D(bars[0]["ended_h"]), D(bars[1]["ended_h"]), D(bars[2]["ended_h"])));
        Assert.Equal(ProgressChart.Top, D(bars[0]["ended_y"]));
        Assert.Equal(D(bars[1]["ended_h"]), D(bars[0]["responded_h"])); // 5 responded of 10: as tall as 5 ended
        Assert.Equal(ProgressChart.Top, D(Ticks(chart)[^1]["y"]));
        Assert.Equal(D(Ticks(chart)[^1]["y"]) + 4, D(Ticks(chart)[^1]["label_y"]));
    }

    [Fact]
    public void Each_month_has_its_own_twelfth_of_the_plot_with_the_responses_beside_the_ended_services()
    {
        var chart = ProgressChart.For(Months(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
        var bars = Bars(chart);
        const double group = (ProgressChart.Width - ProgressChart.Left - ProgressChart.Right) / 12.0; // 49 1/3

        Assert.Equal(["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"], bars.Select(b => (string)b["name"]!));
        Assert.Equal(Math.Round(ProgressChart.Left + group * 0.12, 1), D(bars[0]["ended_x"]));
        Assert.Equal(Math.Round(ProgressChart.Left + 11 * group + group * 0.12, 1), D(bars[11]["ended_x"]));
        Assert.Equal(Math.Round(group * 0.36, 1), D(bars[0]["bar_w"]));
        Assert.Equal(Math.Round(ProgressChart.Left + group * 0.12 + group * 0.36, 1), D(bars[0]["responded_x"]));
        Assert.Equal(Math.Round(ProgressChart.Left + 5.5 * group, 1), D(bars[5]["label_x"]));
        Assert.Equal(ProgressChart.Height - ProgressChart.Bottom + 18, D(bars[5]["label_y"]));
        Assert.Equal((12, 6), ((int)bars[11]["ended"]!, (int)bars[11]["responded"]!));
        Assert.Equal((ProgressChart.Width - ProgressChart.Right, ProgressChart.Left - 6), ((int)chart["right_x"]!, (int)Ticks(chart)[0]["label_x"]!));
    }
}
