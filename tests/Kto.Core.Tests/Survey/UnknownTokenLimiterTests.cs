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

    [Fact]
    public void Memory_is_capped_when_every_counted_address_is_busy_and_the_rest_share_one_counter()
    {
        var capped = new UnknownTokenLimiter(new SurveySettings { UnknownTokensPerMinute = 3 }, time, maxTrackedClients: 100);
        for (var i = 0; i < 5000; i++) capped.RecordMiss($"10.0.{i / 256}.{i % 256}");

        Assert.InRange(capped.TrackedClients, 1, 101);
        // Addresses past the cap share the overflow counter, so a flood of fresh addresses is still slowed down.
        Assert.NotNull(capped.RetryAfter("192.0.2.1"));

        time.Advance(TimeSpan.FromMinutes(2));
        capped.RecordMiss("192.0.2.2"); // idle counters are dropped first, then a new address gets its own
        Assert.Null(capped.RetryAfter("192.0.2.3"));
        Assert.InRange(capped.TrackedClients, 1, 2);
    }
}
