using Kto.Core.Progress;
using Kto.Functions.Portal;

namespace Kto.Functions.Tests.Portal;

/// <summary>
/// The progress chart's geometry: the axis runs in round steps to at least the highest month, bars are as tall as
/// their value on that axis, and each month sits in its own twelfth of the plot.
/// </summary>
public sealed class ProgressChartTests
{
    private static List<MonthProgress> Months(params int[] ended) =>
        ended.Select((e, i) => new MonthProgress(i + 1, e, e / 2)).ToList();

    private static List<ChartGeometry.Tick> Ticks(ChartGeometry chart) => chart.Ticks;

    private static List<ChartGeometry.MonthBars> Bars(ChartGeometry chart) => chart.Months;

    private static double D(string value) => double.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

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

        Assert.Equal(ticks, Ticks(chart).Select(t => (int)t.Value));
    }

    [Fact]
    public void A_bar_is_as_tall_as_its_value_on_the_axis_and_the_highest_tick_is_the_top_of_the_plot()
    {
        var chart = ProgressChart.For(Months(10, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        var bars = Bars(chart);
        const double plot = ProgressChart.Height - ProgressChart.Top - ProgressChart.Bottom; // 214

        Assert.Equal(ProgressChart.Top + plot, D(chart.Baseline));
        Assert.Equal((plot, plot / 2, 0.0), (D(bars[0].EndedH), D(bars[1].EndedH), D(bars[2].EndedH)));
        Assert.Equal(ProgressChart.Top, D(bars[0].EndedY));
        Assert.Equal(D(bars[1].EndedH), D(bars[0].RespondedH)); // 5 responded of 10: as tall as 5 ended
        Assert.Equal(ProgressChart.Top, D(Ticks(chart)[^1].Y));
        Assert.Equal(D(Ticks(chart)[^1].Y) + 4, D(Ticks(chart)[^1].LabelY));
    }

    [Fact]
    public void Each_month_has_its_own_twelfth_of_the_plot_with_the_responses_beside_the_ended_services()
    {
        var chart = ProgressChart.For(Months(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
        var bars = Bars(chart);
        const double group = (ProgressChart.Width - ProgressChart.Left - ProgressChart.Right) / 12.0; // 49 1/3

        Assert.Equal(["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"], bars.Select(b => b.Name.In("nl")));
        Assert.Equal(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"], bars.Select(b => b.Name.In("en")));
        Assert.Equal(Math.Round(ProgressChart.Left + group * 0.12, 1), D(bars[0].EndedX));
        Assert.Equal(Math.Round(ProgressChart.Left + 11 * group + group * 0.12, 1), D(bars[11].EndedX));
        Assert.Equal(Math.Round(group * 0.36, 1), D(bars[0].BarW));
        Assert.Equal(Math.Round(ProgressChart.Left + group * 0.12 + group * 0.36, 1), D(bars[0].RespondedX));
        Assert.Equal(Math.Round(ProgressChart.Left + 5.5 * group, 1), D(bars[5].LabelX));
        Assert.Equal(ProgressChart.Height - ProgressChart.Bottom + 18, D(bars[5].LabelY));
        Assert.Equal((12, 6), (bars[11].Ended, bars[11].Responded));
        Assert.Equal((ProgressChart.Width - ProgressChart.Right, ProgressChart.Left - 6), (chart.RightX, Ticks(chart)[0].LabelX));
    }
}
