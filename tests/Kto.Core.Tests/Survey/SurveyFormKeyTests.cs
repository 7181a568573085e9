using Kto.Core.Survey;

namespace Kto.Core.Tests.Survey;

public sealed class SurveyFormKeyTests
{
    [Fact]
    public void The_field_matches_only_its_own_token_under_the_same_key()
    {
        var key = SurveyFormKey.From("a configured secret");
        var (_, hash) = SurveyToken.New();
        var (_, other) = SurveyToken.New();
        var field = key.For(hash);

        Assert.True(key.Matches(hash, field));
        Assert.True(SurveyFormKey.From("a configured secret").Matches(hash, field));
        Assert.False(key.Matches(other, field));
        Assert.False(SurveyFormKey.From("another secret").Matches(hash, field));
        Assert.False(key.Matches(hash, null));
        Assert.False(key.Matches(hash, field[..^1]));
    }

    [Fact]
    public void Without_a_configured_secret_each_start_gets_its_own_random_key()
    {
        var (_, hash) = SurveyToken.New();
        Assert.NotEqual(SurveyFormKey.From("").For(hash), SurveyFormKey.From("").For(hash));
    }
}
