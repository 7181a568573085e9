using Kto.Core.Deliveries;

namespace Kto.Core.Tests.Deliveries;

public class BsnTests
{
    [Theory]
    [InlineData("111222333")]
    [InlineData("123456782")]
    public void Known_valid_numbers_pass_the_11_proef(string bsn) => Assert.True(Bsn.IsValid(bsn));

    [Theory]
    [InlineData("111222334")]
    [InlineData("123456789")]
    [InlineData("000000000")] // sum 0 is not a BSN
    [InlineData("12345678")]
    [InlineData("1112223330")]
    [InlineData("12345678a")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_values_do_not_pass(string? value) => Assert.False(Bsn.IsValid(value));

    [Theory]
    [InlineData("111222333", true)]
    [InlineData(" 111 222 333 ", true)]
    [InlineData("111.222.333", true)]
    [InlineData("111-222-333", false)]
    [InlineData("1112223330", false)]
    [InlineData("K111222333", false)]
    public void A_field_is_a_bsn_also_with_spaces_or_dots(string value, bool expected) =>
        Assert.Equal(expected, Bsn.LooksLikeBsn(value));

    [Theory]
    [InlineData("klant 123456782 ontbreekt", true)]
    [InlineData("Naar werk", false)]
    [InlineData("15-03-2025", false)]
    public void A_text_that_may_hold_a_bsn_is_recognised(string text, bool expected) =>
        Assert.Equal(expected, Bsn.MayContainBsn(text));
}
