namespace Kto.Core.Tests;

/// <summary>A sentence that ends with a name gets one full stop: the name's own ("Acme B.V.") or one added.</summary>
public sealed class SentenceStopTests
{
    [Theory]
    [InlineData("Acme B.V.", "")]
    [InlineData("Acme B.V. ", "")]
    [InlineData("Acme", ".")]
    [InlineData("Acme B.V", ".")]
    [InlineData("", ".")]
    [InlineData(null, ".")]
    public void The_stop_is_left_out_only_after_a_name_that_has_one(string? name, string stop) =>
        Assert.Equal(stop, SentenceStop.After(name));
}
