using Kto.Core.Fieldwork;

namespace Kto.Core.Tests.Fieldwork;

public class SendWindowTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Below_the_limit_a_mail_may_go_now()
    {
        var window = new SendWindow(3, 100);
        Assert.Null(window.WaitBeforeNext([Start, Start.AddSeconds(1)], Start.AddSeconds(2)));
    }

    [Fact]
    public void A_full_minute_frees_up_a_minute_and_the_margin_after_its_oldest_mail()
    {
        var window = new SendWindow(2, 100);
        var sends = new[] { Start, Start.AddSeconds(10) };
        Assert.Equal(TimeSpan.FromMinutes(1) + SendWindow.ArrivalMargin - TimeSpan.FromSeconds(5), window.WaitBeforeNext(sends, Start.AddSeconds(5)));
        // Just past a minute the oldest still counts: mails arrive a little after their slot.
        Assert.NotNull(window.WaitBeforeNext(sends, Start.AddSeconds(60.5)));
        Assert.Null(window.WaitBeforeNext(sends, Start + TimeSpan.FromMinutes(1) + SendWindow.ArrivalMargin));
    }

    [Fact]
    public void The_hour_limit_holds_too()
    {
        var window = new SendWindow(100, 3);
        var sends = new[] { Start, Start.AddMinutes(10), Start.AddMinutes(20) };
        Assert.Equal(TimeSpan.FromMinutes(30) + SendWindow.ArrivalMargin, window.WaitBeforeNext(sends, Start.AddMinutes(30)));
    }

    [Fact]
    public void Pruning_keeps_what_the_hour_window_still_counts()
    {
        var now = Start.AddHours(1);
        var kept = SendWindow.Prune([Start.AddSeconds(-1), Start.AddMilliseconds(500), Start.AddMinutes(30)], now).ToList();
        Assert.Equal([Start.AddMilliseconds(500), Start.AddMinutes(30)], kept);
    }

    [Fact]
    public void Over_two_simulated_hours_no_minute_or_hour_ever_holds_more_than_the_limit()
    {
        var window = new SendWindow(3, 5);
        var sent = new List<DateTimeOffset>();
        for (var t = Start; t < Start.AddHours(2); t = t.AddSeconds(1))
            if (window.WaitBeforeNext(sent, t) is null) sent.Add(t);
        foreach (var s in sent)
        {
            Assert.True(sent.Count(x => x >= s && x < s.AddMinutes(1)) <= 3);
            Assert.True(sent.Count(x => x >= s && x < s.AddHours(1)) <= 5);
        }
        Assert.Equal(10, sent.Count); // five in each of the two hours
    }

    [Fact]
    public void The_use_counts_the_sends_inside_each_window_against_the_limits()
    {
        var window = new SendWindow(30, 100);
        var now = Start.AddHours(1);
        var use = window.Use([Start.AddSeconds(-1), Start.AddMinutes(10), now.AddSeconds(-70), now.AddSeconds(-30), now.AddSeconds(-1)], now);
        Assert.Equal(new ThrottleUse(2, 30, 4, 100), use);
    }
}
