using Kto.Core.Forecast;

namespace Kto.Core.Tests.Forecast;

/// <summary>The yields the range raises one at a time, and how much an unanswered live approach still brings.</summary>
public sealed class RouteYieldsTests
{
    private static bool Near(double a, double b) => Math.Abs(a - b) < 1e-12;

    [Fact]
    public void Raising_one_approach_number_raises_only_that_yield_by_its_own_sd_and_never_past_one()
    {
        var letter = new ModeYield(3, 20, 0.25, 0.05, Steps: [0.3, 0.2, 0.95], StepSds: [0.05, 0.1, 0.1]);

        Assert.Equal([0.3, 0.3, 0.95], letter.RaisedAt(1).Steps, Near);
        Assert.Equal([0.3, 0.2, 1.0], letter.RaisedAt(2).Steps, Near);
        // The mode's pooled yield is left as it is.
        Assert.Equal(0.25, letter.RaisedAt(1).Yield);
    }

    [Fact]
    public void An_approach_whose_answers_would_all_be_in_brings_no_more_even_at_a_yield_of_one()
    {
        // No prior weight and the one observed delay (1 day) under the age (2 days): every answer would be in. A raised
        // yield can reach 1 (it is capped there); the formula q(1 − F) / (1 − qF) would be 0/0, the chance is 0.
        var yields = new RouteYields(new ModeYield(0, 0, 1, 0, []), new ModeYield(0, 0, 1, 0, []), new ModeYield(0, 0, 1, 0, []),
            new AnswerDelays([1], WindowDays: 7, PriorWeight: 0));

        Assert.Equal(0, yields.StillToAnswer(1, 2));
        Assert.Equal(0, yields.StillToAnswer(0.4, 2));
    }
}
