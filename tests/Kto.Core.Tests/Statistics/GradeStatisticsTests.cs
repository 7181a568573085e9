using Kto.Core.Statistics;

namespace Kto.Core.Tests.Statistics;

public class GradeStatisticsTests
{
    private const int IndicativeBelow = 10;

    /// <summary>
    /// Hand-computed fixture: grades 6, 7, 8, 8, 9 from a population of N = 20 ended services.
    ///   n = 5, mean = 38 / 5 = 7.6
    ///   deviations −1.6, −0.6, 0.4, 0.4, 1.4 → squares 2.56 + 0.36 + 0.16 + 0.16 + 1.96 = 5.2
    ///   SD = √(5.2 / 4) = √1.3 = 1.140175
    ///   median = 8 (the 3rd of 5 sorted grades)
    ///   FPC = √((20 − 5) / (20 − 1)) = √(15/19) = 0.888523
    ///   t(df 4, 97.5%) = 2.776
    ///   half width = 2.776 · 1.140175 / √5 · 0.888523 = 3.165126 / 2.236068 · 0.888523 = 1.415504 · 0.888523 = 1.257694
    ///   CI = 7.6 ± 1.257694 = [6.342306, 8.857694]
    /// </summary>
    [Fact]
    public void Hand_computed_fixture()
    {
        var s = GradeStatistics.Compute([6, 7, 8, 8, 9], populationSize: 20, IndicativeBelow);

        Assert.Equal(20, s.PopulationSize);
        Assert.Equal(5, s.Respondents);
        Assert.Equal(7.6, s.Mean!.Value, 10);
        Assert.Equal(1.140175, s.StandardDeviation!.Value, 6);
        Assert.Equal(8, s.Median);
        var ci = s.ConfidenceInterval!;
        Assert.Equal(2.776, ci.CriticalValue);
        Assert.Equal(0.888523, ci.FinitePopulationCorrection, 6);
        Assert.Equal(1.257694, ci.HalfWidth, 6);
        Assert.Equal(6.342306, ci.Lower, 6);
        Assert.Equal(8.857694, ci.Upper, 6);
        Assert.True(s.IsIndicative); // 5 < 10
    }

    [Fact]
    public void Distribution_has_ten_counts_from_grade_1_to_10()
    {
        var s = GradeStatistics.Compute([6, 7, 8, 8, 9, 1, 10], populationSize: 7, IndicativeBelow);

        Assert.Equal(Enumerable.Range(1, 10), s.Distribution.Select(d => d.Grade));
        Assert.Equal([1, 0, 0, 0, 0, 1, 1, 2, 1, 1], s.Distribution.Select(d => d.Count));
    }

    [Fact]
    public void Median_of_an_even_count_is_the_mean_of_the_middle_two()
    {
        // sorted 5, 7, 8, 10 → (7 + 8) / 2 = 7.5
        var s = GradeStatistics.Compute([10, 5, 8, 7], populationSize: 30, IndicativeBelow);

        Assert.Equal(7.5, s.Median);
    }

    [Fact]
    public void No_respondents_gives_counts_but_no_figures()
    {
        var s = GradeStatistics.Compute([], populationSize: 12, IndicativeBelow);

        Assert.Equal(0, s.Respondents);
        Assert.Null(s.Mean);
        Assert.Null(s.StandardDeviation);
        Assert.Null(s.Median);
        Assert.Null(s.ConfidenceInterval);
        Assert.All(s.Distribution, d => Assert.Equal(0, d.Count));
        Assert.True(s.IsIndicative);
    }

    [Fact]
    public void One_respondent_has_a_mean_but_no_SD_and_no_interval()
    {
        var s = GradeStatistics.Compute([7], populationSize: 12, IndicativeBelow);

        Assert.Equal(7, s.Mean);
        Assert.Equal(7, s.Median);
        Assert.Null(s.StandardDeviation);
        Assert.Null(s.ConfidenceInterval);
    }

    [Fact]
    public void Whole_population_answered_so_the_interval_has_no_width()
    {
        // N = n: FPC = √(0 / 2) = 0; the mean 8 is exact.
        var s = GradeStatistics.Compute([7, 8, 9], populationSize: 3, IndicativeBelow);

        var ci = s.ConfidenceInterval!;
        Assert.Equal(0, ci.FinitePopulationCorrection);
        Assert.Equal(0, ci.HalfWidth);
        Assert.Equal((8.0, 8.0), (ci.Lower, ci.Upper));
        Assert.Equal(1.0, s.StandardDeviation!.Value, 10);
    }

    [Fact]
    public void Single_client_who_answered_is_a_complete_census()
    {
        // N = n = 1: the FPC formula would divide by zero; a census needs no interval width.
        var s = GradeStatistics.Compute([9], populationSize: 1, IndicativeBelow);

        Assert.Equal((9.0, 9.0), (s.ConfidenceInterval!.Lower, s.ConfidenceInterval.Upper));
        Assert.Null(s.StandardDeviation);
    }

    [Theory]
    [InlineData(9, true)]
    [InlineData(10, false)]
    public void Indicative_below_the_setting(int respondents, bool indicative)
    {
        var s = GradeStatistics.Compute(Enumerable.Repeat(8, respondents).ToArray(), populationSize: 50, IndicativeBelow);

        Assert.Equal(indicative, s.IsIndicative);
    }

    [Fact]
    public void Large_sample_interval_uses_the_t_value_and_shrinks_with_the_FPC()
    {
        // 40 grades: twenty 6s and twenty 8s → mean 7, SD = √(40 / 39) = 1.012739; N = 100.
        // half width = t(39) · 1.012739 / √40 · √(60/99) = 2.022691 · 0.160128 · 0.778499 = 0.252148
        var grades = Enumerable.Repeat(6, 20).Concat(Enumerable.Repeat(8, 20)).ToArray();

        var s = GradeStatistics.Compute(grades, populationSize: 100, IndicativeBelow);

        Assert.Equal(7.0, s.Mean!.Value, 10);
        Assert.Equal(2.0227, s.ConfidenceInterval!.CriticalValue, 3);
        Assert.Equal(0.2521, s.ConfidenceInterval.HalfWidth, 3);
    }

    [Fact]
    public void Impossible_input_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GradeStatistics.Compute([0, 8], 10, IndicativeBelow));
        Assert.Throws<ArgumentOutOfRangeException>(() => GradeStatistics.Compute([11], 10, IndicativeBelow));
        Assert.Throws<ArgumentOutOfRangeException>(() => GradeStatistics.Compute([7, 8, 9], 2, IndicativeBelow));
    }

    [Fact]
    public void The_interval_stays_within_the_grade_scale()
    {
        // 8, 9, 10 with N = 6: mean 9, SD 1, FPC √(3/5) = 0.7746, t(2) = 4.303 → half width 1.924:
        // 7.076 … 10.924, cut at 10.
        var s = GradeStatistics.Compute([8, 9, 10], populationSize: 6, IndicativeBelow);
        Assert.Equal(10.0, s.ConfidenceInterval!.Upper);
        Assert.Equal(7.076, s.ConfidenceInterval.Lower, 3);
        Assert.Equal(1.924, s.ConfidenceInterval.HalfWidth, 3);

        var low = GradeStatistics.Compute([1, 2, 3], populationSize: 6, IndicativeBelow);
        Assert.Equal(1.0, low.ConfidenceInterval!.Lower);
    }
}
