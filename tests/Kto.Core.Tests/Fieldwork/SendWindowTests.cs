using Kto.Core.Fieldwork;

namespace Kto.Core.Tests.Fieldwork;

public sealed class SendWindowTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private readonly SendWindow window = new(maxPerMinute: 3, maxPerHour: 5);

    [Fact]
    public void Below_both_limits_a_mail_may_go_now()
    {
        Assert.Null(window.WaitBeforeNext([Now.AddSeconds(-10), Now.AddSeconds(-5)], Now));
    }

    [Fact]
    public void A_full_minute_waits_until_the_oldest_of_that_minute_drops_out()
    {
        var sends = new[] { Now.AddSeconds(-50), Now.AddSeconds(-20), Now.AddSeconds(-10) };
        Assert.Equal(TimeSpan.FromSeconds(10), window.WaitBeforeNext(sends, Now));
    }

    [Fact]
    public void A_full_hour_waits_for_the_hour_window_even_when_the_minute_is_free()
    {
        var sends = new[] { -50, -40, -30, -20, -10 }.Select(m => Now.AddMinutes(m)).ToArray();
        Assert.Equal(TimeSpan.FromMinutes(10), window.WaitBeforeNext(sends, Now));
    }

    [Fact]
    public void Sends_older_than_an_hour_are_pruned_and_do_not_count()
    {
        var sends = new[] { Now.AddMinutes(-61), Now.AddMinutes(-70), Now.AddMinutes(-5) };
        Assert.Equal([Now.AddMinutes(-5)], SendWindow.Prune(sends, Now));
        Assert.Null(window.WaitBeforeNext(sends, Now));
    }

    [Fact]
    public void Over_a_simulated_hour_no_minute_ever_holds_more_than_the_limit()
    {
        var sent = new List<DateTimeOffset>();
        for (var t = Now; t < Now.AddHours(2); t = t.AddSeconds(1))
            if (window.WaitBeforeNext(sent, t) is null) sent.Add(t);
        foreach (var s in sent)
        {
            Assert.True(sent.Count(x => x >= s && x < s.AddMinutes(1)) <= 3);
            Assert.True(sent.Count(x => x >= s && x < s.AddHours(1)) <= 5);
        }
        Assert.Equal(10, sent.Count); // 5 in each hour
    }
}
