using Kto.Core.Statistics;

namespace Kto.Core.Tests.Statistics;

public class StudentTTests
{
    [Theory]
    [InlineData(1, 12.706)]
    [InlineData(4, 2.776)]
    [InlineData(10, 2.228)]
    [InlineData(30, 2.042)]
    public void Table_values(int df, double expected) => Assert.Equal(expected, StudentT.Critical95(df));

    [Theory]
    // Exact quantiles (R: qt(0.975, df)).
    [InlineData(31, 2.039513)]
    [InlineData(40, 2.021075)]
    [InlineData(120, 1.979930)]
    [InlineData(100000, 1.959988)]
    public void Approximation_beyond_the_table_is_within_two_millionths(int df, double exact) =>
        // The three-term expansion is within 1.3e-6 of qt at df 31 and closer beyond; the references have six decimals.
        Assert.Equal(exact, StudentT.Critical95(df), 0.000002);

    [Fact]
    public void Values_decrease_towards_the_normal_quantile()
    {
        var values = Enumerable.Range(1, 200).Select(StudentT.Critical95).ToArray();
        Assert.All(values.Zip(values.Skip(1)), pair => Assert.True(pair.First > pair.Second));
        Assert.True(values[^1] > 1.959964);
    }

    [Fact]
    public void Zero_degrees_of_freedom_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.Critical95(0));
}
