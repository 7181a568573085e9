using Kto.Core.Reports;

namespace Kto.Core.Tests.Reports;

public class TrajectoryResultTests
{
    [Theory]
    [InlineData("Werk gevonden", true)]
    [InlineData("geplaatst bij werkgever", true)]
    [InlineData("Succesvol afgerond", true)]
    [InlineData("Doel behaald", true)]
    [InlineData("Betaald werk (parttime)", true)]
    [InlineData("Geen werk gevonden", false)]
    [InlineData("Niet geplaatst", false)]
    [InlineData("Voortijdig beëindigd, uitval", false)]
    [InlineData("Traject afgerond", false)]
    [InlineData("Verhuisd", false)]
    public void Successful_when_the_reason_names_a_result_without_a_negation(string reason, bool successful)
    {
        Assert.True(TrajectoryResult.IsCompleted(reason));
        Assert.Equal(successful, TrajectoryResult.IsSuccessful(reason));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Without_a_reason_neither_completed_nor_successful(string? reason)
    {
        Assert.False(TrajectoryResult.IsCompleted(reason));
        Assert.False(TrajectoryResult.IsSuccessful(reason));
    }
}
