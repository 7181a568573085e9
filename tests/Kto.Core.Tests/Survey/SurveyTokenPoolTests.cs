using Kto.Core.Access;
using Kto.Core.Survey;

namespace Kto.Core.Tests.Survey;

/// <summary>A mail batch's tokens in one hash partition, without drawing 256 tokens for each.</summary>
public sealed class SurveyTokenPoolTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    [InlineData(SurveyTokenPool.MaxTake)]
    public void A_take_is_fresh_tokens_like_any_other_whose_hashes_share_their_first_byte(int count)
    {
        var taken = new SurveyTokenPool().Take(count);

        Assert.Equal(count, taken.Count);
        Assert.All(taken, t =>
        {
            Assert.True(SurveyToken.LooksValid(t.Token));
            Assert.Equal(SecretKeys.Hash(t.Token), t.Hash);
        });
        Assert.Single(taken.Select(t => t.Hash[..2]).Distinct());
        Assert.Equal(count, taken.Select(t => t.Token).Distinct().Count());
    }

    [Fact]
    public void A_token_is_handed_out_once_and_batches_spread_over_the_partitions()
    {
        var pool = new SurveyTokenPool();

        var takes = Enumerable.Range(0, 300).Select(_ => pool.Take(20)).ToList();

        Assert.Equal(300 * 20, takes.SelectMany(t => t).Select(t => t.Token).Distinct().Count());
        // Whichever bin fills first: 300 batches in a handful of partitions would mean the bins are not random.
        Assert.True(takes.Select(t => t.First().Hash[..2]).Distinct().Count() > 100);
    }

    [Fact]
    public void The_tokens_kept_for_later_stay_below_a_batch_per_partition()
    {
        var pool = new SurveyTokenPool();

        for (var i = 0; i < 200; i++)
        {
            pool.Take(20);
            // Drawing stops as soon as one bin holds a batch, and that bin is taken: every bin keeps fewer than 20.
            Assert.InRange(pool.Waiting, 0, 256 * 19);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(SurveyTokenPool.MaxTake + 1)]
    public void More_than_a_transaction_or_nothing_is_refused(int count)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SurveyTokenPool().Take(count));
    }
}
