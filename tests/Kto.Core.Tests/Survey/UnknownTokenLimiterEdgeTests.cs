using Kto.Core.Settings;
using Kto.Core.Survey;
using Microsoft.Extensions.Time.Testing;

namespace Kto.Core.Tests.Survey;

/// <summary>The unknown-link limit at its edges: a new minute counts afresh, and idle addresses make room before anyone shares the overflow counter.</summary>
public sealed class UnknownTokenLimiterEdgeTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Misses_after_the_window_has_passed_count_again_from_the_first()
    {
        // The limit holds in every minute: old misses leave the counter before new ones are counted.
        var limiter = new UnknownTokenLimiter(new SurveySettings { UnknownTokensPerMinute = 3 }, time);
        for (var i = 0; i < 3; i++) limiter.RecordMiss("client");
        time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));

        for (var i = 0; i < 3; i++) limiter.RecordMiss("client");

        Assert.Equal(TimeSpan.FromMinutes(1), limiter.RetryAfter("client"));
    }

    [Fact]
    public void At_the_cap_idle_addresses_are_forgotten_so_a_new_address_gets_its_own_counter()
    {
        var limiter = new UnknownTokenLimiter(new SurveySettings { UnknownTokensPerMinute = 1 }, time, maxTrackedClients: 2);
        limiter.RecordMiss("10.0.0.1");
        limiter.RecordMiss("10.0.0.2");
        time.Advance(TimeSpan.FromMinutes(2));

        limiter.RecordMiss("10.0.0.3");

        Assert.Equal(1, limiter.TrackedClients);
        Assert.NotNull(limiter.RetryAfter("10.0.0.3"));
        // Nobody was put on the shared counter: another new address may still miss.
        Assert.Null(limiter.RetryAfter("10.0.0.4"));
    }
}
