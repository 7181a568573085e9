using Kto.Core.Reports;
using static Kto.Core.Tests.Reports.ReportFixtures;

namespace Kto.Core.Tests.Reports;

/// <summary>The previous year beside this one: the changes per perceel and the notes when there is nothing to compare.</summary>
public class YearComparisonTests
{
    [Fact]
    public void The_change_is_this_year_minus_last_year_for_mean_grade_and_response()
    {
        // 2025: 20 ended, 5 responded (25%), grades 6,6,7,7,9 -> mean 7.0. 2026: Healthy() 8 of 20 (40%), mean 7.5.
        var before = Healthy() with { Responded = 5, Grades = [6, 6, 7, 7, 9] };
        var report = Builder().Build(Input(Healthy()) with { PreviousYear = new PreviousYearFigures(2025, 2, [before]) });

        var naarWerk = report.Percelen.Single();
        var was = naarWerk.PreviousYear!;
        Assert.Equal(2025, was.Year);
        Assert.Equal((20, 5), (was.Ended, was.Responded));
        Assert.Equal(0.25, was.ResponseRate!.Value, 9);
        Assert.Equal(7.0, was.MeanGrade!.Value, 9);
        Assert.True(was.KpiMet);
        Assert.Equal(0.40 - 0.25, was.ResponseRateChange!.Value, 9);
        Assert.Equal(7.5 - 7.0, was.MeanGradeChange!.Value, 9);
        Assert.Equal(new YearComparison(2025, 2, true, null), report.PreviousYear);
    }

    [Fact]
    public void A_kpi_missed_last_year_and_met_now_shows_both_verdicts()
    {
        var before = Healthy() with { Responded = 4, Grades = [5, 6, 6, 7] }; // mean 6.0
        var report = Builder().Build(Input(Healthy()) with { PreviousYear = new PreviousYearFigures(2025, 1, [before]) });

        var p = report.Percelen.Single();
        Assert.False(p.PreviousYear!.KpiMet);
        Assert.True(p.KpiMet);
        Assert.Equal(1.5, p.PreviousYear.MeanGradeChange!.Value, 9);
    }

    [Fact]
    public void No_grades_in_either_year_gives_no_change()
    {
        var before = Healthy() with { Responded = 0, Grades = [] };
        var p = Builder().Build(Input(Healthy()) with { PreviousYear = new PreviousYearFigures(2025, 1, [before]) }).Percelen.Single();
        Assert.Null(p.PreviousYear!.MeanGrade);
        Assert.Null(p.PreviousYear.MeanGradeChange);
        Assert.Null(p.PreviousYear.KpiMet);
    }

    [Fact]
    public void Without_a_signed_report_the_note_says_so_and_no_perceel_is_compared()
    {
        var report = Builder().Build(Input(Healthy()) with { PreviousYear = PreviousYearFigures.None(2025) });
        Assert.Equal(new YearComparison(2025, null, false, "geen rapport over 2025"), report.PreviousYear);
        Assert.Null(report.Percelen.Single().PreviousYear);
    }

    [Fact]
    public void A_version_signed_before_versions_kept_their_inputs_is_named_but_not_compared()
    {
        var report = Builder().Build(Input(Healthy()) with { PreviousYear = new PreviousYearFigures(2025, 3, []) });
        Assert.False(report.PreviousYear!.Available);
        Assert.Contains("versie 3", report.PreviousYear.Note);
        Assert.Null(report.Percelen.Single().PreviousYear);
    }

    [Fact]
    public void A_perceel_missing_last_year_has_no_comparison_while_the_others_do()
    {
        var report = Builder().Build(Input(Healthy(), Healthy(Perceel.WerkfitMaken)) with
        {
            PreviousYear = new PreviousYearFigures(2025, 1, [Healthy()]),
        });
        Assert.NotNull(report.Percelen.Single(p => p.Figures.Perceel == Perceel.NaarWerk).PreviousYear);
        Assert.Null(report.Percelen.Single(p => p.Figures.Perceel == Perceel.WerkfitMaken).PreviousYear);
    }

    [Fact]
    public void A_drafted_report_without_comparison_input_has_no_comparison_section() =>
        Assert.Null(Builder().Build(Input(Healthy())).PreviousYear);
}
