using Kto.Core.Settings;
using Kto.Core.Survey;
using Microsoft.Extensions.Time.Testing;

namespace Kto.Core.Tests.Survey;

public sealed class UnknownTokenLimiterTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
    private readonly UnknownTokenLimiter limiter;

    public UnknownTokenLimiterTests() => limiter = new UnknownTokenLimiter(new SurveySettings { UnknownTokensPerMinute = 3 }, time);

    [Fact]
    public void A_client_may_miss_up_to_the_limit_and_is_then_told_to_wait_until_the_oldest_miss_leaves_the_window()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Null(limiter.RetryAfter("1.2.3.4"));
            limiter.RecordMiss("1.2.3.4");
            time.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(TimeSpan.FromSeconds(30), limiter.RetryAfter("1.2.3.4"));
        Assert.Null(limiter.RetryAfter("5.6.7.8"));
    }

    [Fact]
    public void The_window_slides_so_old_misses_stop_counting()
    {
        for (var i = 0; i < 3; i++) limiter.RecordMiss("client");
        Assert.NotNull(limiter.RetryAfter("client"));

        time.Advance(TimeSpan.FromSeconds(59));
        Assert.NotNull(limiter.RetryAfter("client"));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(limiter.RetryAfter("client"));
    }
}
