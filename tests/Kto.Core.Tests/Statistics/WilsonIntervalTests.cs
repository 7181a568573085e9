using Kto.Core.Statistics;

namespace Kto.Core.Tests.Statistics;

public class WilsonIntervalTests
{
    /// <summary>
    /// 3 of 10: p = 0.3, z² = 3.841459, z²/n = 0.384146, d = 1.384146
    ///   centre = (0.3 + 0.192073) / 1.384146 = 0.355507
    ///   half = 1.959964 / 1.384146 · √(0.3·0.7/10 + 3.841459/400) = 1.416010 · √0.030604 = 0.247716
    ///   → [0.107791, 0.603222]
    /// </summary>
    [Fact]
    public void Hand_computed_three_of_ten()
    {
        var w = WilsonInterval.Compute(3, 10);

        Assert.Equal(0.3, w.Proportion);
        Assert.Equal(0.107791, w.Lower!.Value, 5);
        Assert.Equal(0.603222, w.Upper!.Value, 5);
    }

    /// <summary>0 of 10: lower is 0, upper = (z²/n) / (1 + z²/n) = 0.384146 / 1.384146 = 0.277533.</summary>
    [Fact]
    public void None_of_N()
    {
        var w = WilsonInterval.Compute(0, 10);

        Assert.Equal(0, w.Proportion);
        Assert.Equal(0, w.Lower);
        Assert.Equal(0.277533, w.Upper!.Value, 5);
    }

    /// <summary>10 of 10 mirrors 0 of 10: [1 − 0.277533, 1].</summary>
    [Fact]
    public void All_of_N()
    {
        var w = WilsonInterval.Compute(10, 10);

        Assert.Equal(1, w.Proportion);
        Assert.Equal(0.722467, w.Lower!.Value, 5);
        Assert.Equal(1, w.Upper);
    }

    [Fact]
    public void No_trials_has_no_proportion()
    {
        var w = WilsonInterval.Compute(0, 0);

        Assert.Equal(new ProportionInterval(0, 0, null, null, null), w);
    }

    [Fact]
    public void More_successes_than_trials_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => WilsonInterval.Compute(11, 10));
}
