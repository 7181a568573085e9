using Kto.Core.Fieldwork;
using Kto.Core.Forecast;
using Kto.Core.Reports;
using Kto.Core.Settings;
using Kto.Core.Survey;

using static Kto.Core.Tests.Forecast.ForecastFixtures;

namespace Kto.Core.Tests.Forecast;

/// <summary>
/// When a perceel's response is at risk: the range's low end under the minimum rate, or under the minimum number of
/// respondents, unless the perceel is small enough for exemption (fewer ended services than the threshold). Reaching a
/// norm exactly is enough.
/// </summary>
public sealed class ProjectionRangeTests
{
    // After fieldwork has closed (31 January) nothing more can come in: the range is the final rate itself.
    private static readonly DateTimeOffset Closed = new(2027, 2, 2, 12, 0, 0, TimeSpan.FromHours(1));

    private static ForecastClient Client(int i, bool responded, ForecastRoute route = ForecastRoute.Email, int month = 3) =>
        new($"s{i}", Perceel.NaarWerk, new DateOnly(2026, month, 1), route,
            new ContactState(responded ? ServiceStatus.Responded : ServiceStatus.Open, route == ForecastRoute.Email, false, 3, Day(4, 1), null), [],
            responded ? Day(4, 2) : null, responded ? ResponseMode.Web : null);

    private static CompanyForecast Forecast(int ended, int responded, int minimumRespondents) =>
        new ResponseForecaster(new ForecastSettings(), new ReportSettings { MinimumResponseRate = 0.30, MinimumRespondents = minimumRespondents, ExemptionThreshold = 5 },
                new FieldworkSettings())
            .Forecast(new ForecastInput("acme", 2026, Closed, Enumerable.Range(0, ended).Select(i => Client(i, i < responded)).ToList(), []));

    [Theory]
    // 3 of 10 is exactly the minimum 30 %: enough; 2 of 10 is not.
    [InlineData(10, 3, 0, false)]
    [InlineData(10, 2, 0, true)]
    // With a minimum of 5 respondents: 5 of 10 is enough, 4 of 10 (40 %, above the rate) not.
    [InlineData(10, 5, 5, false)]
    [InlineData(10, 4, 5, true)]
    // 5 ended is not fewer than the threshold 5: no exemption, 0 % is at risk; 4 ended may ask for exemption.
    [InlineData(5, 0, 0, true)]
    [InlineData(4, 0, 0, false)]
    public void The_response_is_at_risk_below_a_norm_not_on_it_and_not_below_the_exemption_threshold(int ended, int responded, int minimumRespondents, bool atRisk)
    {
        var forecast = Forecast(ended, responded, minimumRespondents);

        var naarWerk = forecast.Percelen.Single(p => p.Perceel == Perceel.NaarWerk);
        var rate = (double)responded / ended;
        Assert.Equal((rate, rate, rate), (naarWerk.ProjectedResponseRate!.Value, naarWerk.ProjectedLow!.Value, naarWerk.ProjectedHigh!.Value));
        Assert.Equal(atRisk, naarWerk.ResponseAtRisk);
        // The company is at risk when one perceel is; the others here have nothing ended and are not.
        Assert.Equal(atRisk, forecast.AtRisk);
    }

    [Fact]
    public void A_perceel_with_nothing_ended_has_a_response_of_zero_and_no_projection()
    {
        var empty = Forecast(10, 3, 0).Percelen.Single(p => p.Perceel == Perceel.Praktijkassessment);

        Assert.Equal((0, 0, 0.0), (empty.Ended, empty.Responded, empty.ResponseRate));
        Assert.Null(empty.ProjectedLow);
        Assert.False(empty.AtRisk);
    }

    [Fact]
    public void The_range_counts_the_uncertain_number_of_services_still_to_come()
    {
        // 15 October; the delivery of 5 May covered January–April, with 8 services (two a month), all answered; their
        // contact data is gone (no route), so fresh clients of this mix are not reached (chance 0) and nothing else is
        // uncertain. Still to come 2 × 8 = 16 of 24: rate 8/24 = 1/3. Their number varies: Poisson 16 plus the monthly
        // mean's own variance 8² × 2 / 4 = 32, so 48, times ((0 − 1/3) / 24)²: sd √(48 / 5184) = 0.09623.
        // Range 1/3 ∓ (1.28 × 0.09623 + 0.5 / 24) = 0.3333 ∓ 0.1440.
        var now = new DateTimeOffset(2026, 10, 15, 12, 0, 0, Cest);
        var clients = Enumerable.Range(0, 8).Select(i => Client(i, true, ForecastRoute.Unreachable, month: i / 2 + 1)).ToList();
        var forecast = new ResponseForecaster(new ForecastSettings { RangeZ = 1.28 }, new ReportSettings(), new FieldworkSettings())
            .Forecast(new ForecastInput("acme", 2026, now, clients, [Day(5, 5)]));

        var naarWerk = forecast.Percelen.Single(p => p.Perceel == Perceel.NaarWerk);
        Assert.Equal(24, naarWerk.ExpectedEnded);
        Assert.Equal((0.3333, 0.1893, 0.4773), (naarWerk.ProjectedResponseRate, naarWerk.ProjectedLow, naarWerk.ProjectedHigh));
    }
}
