using Kto.Core.Forecast;

namespace Kto.Core.Tests.Forecast;

/// <summary>
/// How soon answers come: the share of an approach's answers in by a given age is the observed delays at most that age
/// plus the prior weight's even spread over the window, over (delays + prior weight). Worked by hand below with delays
/// 1, 2, 2 and 5 days, a 7-day window and weight 3.
/// </summary>
public sealed class AnswerDelaysTests
{
    private static readonly AnswerDelays Observed = new([1, 2, 2, 5], WindowDays: 7, PriorWeight: 3);

    [Theory]
    // Half a day: no delay that short, the even spread 0.5 / 7: (0 + 3 × 1/14) / 7 = 3/98.
    [InlineData(0.5, 3 / 98.0)]
    // Two days: the delays of exactly two days are in (1, 2, 2): (3 + 3 × 2/7) / 7 = 27/49.
    [InlineData(2, 27 / 49.0)]
    // Four days: still three: (3 + 3 × 4/7) / 7 = 33/49.
    [InlineData(4, 33 / 49.0)]
    // Ten days, past the window and every delay: all in.
    [InlineData(10, 1.0)]
    public void The_share_in_blends_the_observed_delays_with_an_even_spread_over_the_window(double days, double share) =>
        Assert.Equal(share, Observed.AnsweredWithin(days), 12);

    [Fact]
    public void An_approach_made_this_instant_has_brought_none_of_its_answers_even_where_some_came_at_once()
    {
        // A delay of 0 (an answer in the same minute) is observed; still, at age 0 (or a clock slightly behind) nothing is in.
        var delays = new AnswerDelays([0, 3], 7, 3);
        Assert.Equal(0, delays.AnsweredWithin(0));
        Assert.Equal(0, delays.AnsweredWithin(-0.1));
    }
}
