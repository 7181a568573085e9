using Kto.Core.Access;
using Kto.Core.Survey;

namespace Kto.Core.Tests.Survey;

/// <summary>The personal link's secret: random, URL-safe, stored only by its hash, and shape-checked before any lookup.</summary>
public sealed class SurveyTokenTests
{
    [Fact]
    public void A_new_token_is_32_url_safe_characters_and_only_its_sha256_is_kept()
    {
        var (token, hash) = SurveyToken.New();

        Assert.True(SurveyToken.LooksValid(token));
        Assert.Equal(32, token.Length);
        Assert.Equal(SecretKeys.Hash(token), hash);
        Assert.Equal(64, hash.Length);
        Assert.DoesNotContain(token, hash);
    }

    [Fact]
    public void Every_mail_gets_a_fresh_token()
    {
        var tokens = Enumerable.Range(0, 100).Select(_ => SurveyToken.New().Token).ToHashSet();
        Assert.Equal(100, tokens.Count);
    }

    [Theory]
    [InlineData("abcdefghijklmnopqrstuvwxyzABCD-_", true)]
    [InlineData("0123456789abcdefghijklmnopqrstuv", true)]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("abcdefghijklmnopqrstuvwxyzABCD-", false)]   // 31
    [InlineData("abcdefghijklmnopqrstuvwxyzABCD-_x", false)] // 33
    [InlineData("abcdefghijklmnopqrstuvwxyzABCD+/", false)]  // standard base64, not URL-safe
    [InlineData("abcdefghijklmnopqrstuvwxyzABCD=_", false)]
    [InlineData("abcdefghijklmnopqrstuvwxyzABCDé_", false)]  // a non-ASCII letter
    [InlineData("abcdefghijklmnopqrstuvwxyzABCD١_", false)]  // a non-ASCII digit
    [InlineData("abcdefghijklmnopqrstuvwxyz ABC-_", false)]
    public void Only_a_token_of_the_right_shape_reaches_storage(string? token, bool looksValid)
    {
        Assert.Equal(looksValid, SurveyToken.LooksValid(token));
    }
}
