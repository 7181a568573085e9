using Kto.Core.Access;
using Kto.Core.Letters;
using Kto.Core.Survey;

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
    public void A_typed_code_may_be_padded_up_to_64_characters()
    {
        Assert.Equal("K7PX4QM9", ShortCode.Normalize("K7PX-4QM9".PadRight(64)));
        Assert.Null(ShortCode.Normalize("K7PX-4QM9".PadRight(65)));
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
    public void Storage_gets_a_keyed_hash_not_the_code_nor_its_plain_sha256()
    {
        var key = SurveyFormKey.From("a configured secret");
        var hash = key.CodeHash("K7PX4QM9");

        Assert.Matches("^[0-9a-f]{64}$", hash); // the tokens table partitions on its first two hex characters
        Assert.DoesNotContain("K7PX", hash, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(SecretKeys.Hash("K7PX4QM9"), hash); // a leaked table cannot be brute-forced without the key
        Assert.Equal(hash, SurveyFormKey.From("a configured secret").CodeHash("K7PX4QM9")); // stable across restarts
        Assert.NotEqual(hash, SurveyFormKey.From("another secret").CodeHash("K7PX4QM9"));
        Assert.NotEqual(hash, key.CodeHash("K7PX4QM4"));
        Assert.NotEqual(key.For("K7PX4QM9"), hash); // apart from the form field's MAC
    }
}
