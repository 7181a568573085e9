using Kto.Core.Deliveries;

namespace Kto.Core.Tests.Deliveries;

/// <summary>
/// A BSN is found however its groups are kept apart: every ASCII white space (tab to carriage return), a non-breaking
/// space, dots; and a character just past ASCII is no reason to fail.
/// </summary>
public sealed class BsnSeparatorTests
{
    [Theory]
    [InlineData('\t')]
    [InlineData('\n')]
    [InlineData('\v')]
    [InlineData('\f')]
    [InlineData('\r')]
    [InlineData('\u00A0')]
    public void Groups_kept_apart_by_any_white_space_are_a_bsn(char separator)
    {
        Assert.True(Bsn.LooksLikeBsn($"123{separator}456{separator}782"));
        Assert.False(Bsn.LooksLikeBsn($"123{separator}456{separator}783"));
    }

    [Fact]
    public void A_bsn_with_nines_written_in_groups_is_a_bsn()
    {
        // Digits are '0' to '9' inclusive: the nines must count when the value is read group by group.
        Assert.True(Bsn.LooksLikeBsn("999.999.990"));
        Assert.True(Bsn.LooksLikeBsn("999 999 990"));
    }

    [Theory]
    [InlineData("12345678\u0080")]
    [InlineData("\u0080123456782")]
    [InlineData("123\u0085456\u0085782")]
    public void A_character_just_past_ascii_is_read_without_failing(string value)
    {
        // U+0080 is no separator, so no BSN; U+0085 (next line) is white space, so a separator.
        Assert.Equal(value.Contains('\u0085'), Bsn.LooksLikeBsn(value));
    }
}
