using Kto.Core.Letters;

namespace Kto.Core.Tests.Letters;

public sealed class ShortCodeTests
{
    [Fact]
    public void New_codes_have_eight_characters_of_the_alphabet_without_look_alikes()
    {
        var codes = Enumerable.Range(0, 500).Select(_ => ShortCode.New()).ToList();
        Assert.All(codes, c => Assert.Equal(8, c.Length));
        Assert.All(codes, c => Assert.All(c, ch => Assert.Contains(ch, ShortCode.Alphabet)));
        Assert.True(codes.Distinct().Count() > 495, "codes should be random");
        foreach (var lookAlike in "0O1IL5S2Z8B")
            Assert.DoesNotContain(lookAlike, ShortCode.Alphabet);
    }

    [Fact]
    public void A_code_is_printed_in_two_groups()
    {
        Assert.Equal("K7PX-4QM9", ShortCode.Format("K7PX4QM9"));
    }

    [Theory]
    [InlineData("K7PX-4QM9")]
    [InlineData("k7px-4qm9")]
    [InlineData("K7PX4QM9")]
    [InlineData(" k7px 4qm9 ")]
    [InlineData("K7 PX 4Q M9")]
    public void Lower_case_spaces_and_a_missing_dash_are_forgiven(string typed)
    {
        Assert.Equal("K7PX4QM9", ShortCode.Normalize(typed));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("K7PX-4QM")]
    [InlineData("K7PX-4QM99")]
    [InlineData("K7PX-4QMO")] // O is no code character
    [InlineData("K7PX-4QM0")]
    [InlineData("<script>")]
    public void Anything_else_is_not_a_code(string? typed)
    {
        Assert.Null(ShortCode.Normalize(typed));
    }

    [Fact]
    public void Storage_gets_the_hash_not_the_code()
    {
        var hash = ShortCode.Hash("K7PX4QM9");
        Assert.Equal(64, hash.Length);
        Assert.DoesNotContain("K7PX", hash, StringComparison.OrdinalIgnoreCase);
    }
}
