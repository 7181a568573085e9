using Kto.Core.Fieldwork;
using Kto.Core.Forecast;
using Kto.Core.Reports;
using Kto.Core.Settings;
using Kto.Core.Survey;

namespace Kto.Core.Tests.Forecast;

/// <summary>
/// The mean grade of 7 (UWV's KPI) is at risk when the mean so far, less 1.28 standard errors, is under 7; with a single
/// grade, when that grade is. Worked by hand: 6 and 8 have mean 7, sd √2, standard error 1, so 7 − 1.28 is under 7;
/// 6, 6, 6, 9, 9, 9 have mean 7.5, sd √(13.5 / 5) ≈ 1.64, standard error ≈ 0.67, so 7.5 − 0.86 ≈ 6.64 is under 7.
/// </summary>
public sealed class GradeAtRiskTests
{
    private static readonly DateTimeOffset Now = new(2026, 10, 15, 10, 0, 0, TimeSpan.Zero);

    private static readonly ResponseForecaster Forecaster = new(new ForecastSettings { RangeZ = 1.28 },
        new ReportSettings { KpiMinimumMeanGrade = 7 }, new FieldworkSettings());

    private static bool AtRisk(params int[] grades)
    {
        var clients = grades.Select((grade, i) => new ForecastClient($"s{i}", Perceel.NaarWerk, new DateOnly(2026, 3, 1), ForecastRoute.Email,
            new ContactState(ServiceStatus.Responded, true, false, 1, Now.AddDays(-30), null), [], Now.AddDays(-29), ResponseMode.Web, grade)).ToList();
        var forecast = Forecaster.Forecast(new ForecastInput("acme", 2026, Now, clients, []));
        return forecast.Percelen.Single(p => p.Perceel == Perceel.NaarWerk).GradeAtRisk;
    }

    [Theory]
    [InlineData(false, 7)]
    [InlineData(false, 8)]
    [InlineData(true, 6)]
    [InlineData(true, 6, 8)]
    // Two sevens: the lower bound is exactly 7, which is enough.
    [InlineData(false, 7, 7)]
    [InlineData(false, 8, 8, 8, 8)]
    [InlineData(true, 6, 6, 6, 9, 9, 9)]
    [InlineData(false, 8, 8, 8, 9, 9, 9)]
    public void The_mean_grade_is_at_risk_when_its_lower_bound_is_under_seven(bool atRisk, params int[] grades) =>
        Assert.Equal(atRisk, AtRisk(grades));

    [Fact]
    public void Without_grades_nothing_is_at_risk() => Assert.False(AtRisk());
}
