using Kto.Core.Fieldwork;

namespace Kto.Core.Tests.Fieldwork;

/// <summary>The throttle's sliding windows at their edges: how many mails a batch may take now, the window's border, and the longer of two waits.</summary>
public sealed class SendWindowEdgeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1) + SendWindow.ArrivalMargin;
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1) + SendWindow.ArrivalMargin;

    [Fact]
    public void A_batch_may_take_what_both_windows_leave_free_and_never_less_than_nothing()
    {
        var window = new SendWindow(5, 8);

        Assert.Equal(5, window.Free([], Now));
        // Two in the last minute, six in the hour: the hour leaves two, the minute three.
        var sends = new[] { Now.AddSeconds(-10), Now.AddSeconds(-20), Now.AddMinutes(-10), Now.AddMinutes(-20), Now.AddMinutes(-30), Now.AddMinutes(-40) };
        Assert.Equal(2, window.Free(sends, Now));
        // With room in the hour, the minute's limit binds: three a minute leaves one.
        Assert.Equal(1, new SendWindow(3, 100).Free(sends, Now));
        // Over the limit (limits lowered since): nothing, not a negative number.
        Assert.Equal(0, new SendWindow(1, 8).Free(sends, Now));
        // Sends older than the windows do not count.
        Assert.Equal(5, window.Free([Now - Hour, Now - Hour - Minute], Now));
        Assert.Equal(5, new SendWindow(5, 100).Free([Now - Minute, Now.AddMinutes(-30)], Now));
    }

    [Fact]
    public void A_send_exactly_a_window_ago_has_left_it()
    {
        Assert.Null(new SendWindow(100, 1).WaitBeforeNext([Now - Hour], Now));
        Assert.NotNull(new SendWindow(100, 1).WaitBeforeNext([Now - Hour + TimeSpan.FromTicks(1)], Now));
        Assert.Equal(new ThrottleUse(0, 30, 1, 100), new SendWindow(30, 100).Use([Now - Minute], Now));
    }

    [Fact]
    public void When_both_windows_are_full_the_wait_is_the_longer_one()
    {
        // Minute full since 10 s ago (frees in ~51 s); hour full since 50 min ago (frees in ~10 min).
        var sends = new[] { Now.AddMinutes(-50), Now.AddSeconds(-10) };
        Assert.Equal(Now.AddMinutes(-50) + Hour - Now, new SendWindow(1, 2).WaitBeforeNext(sends, Now));
        // Hour full since 59 min 59 s ago frees in 2 s; the minute wait (51 s) is then the longer.
        var soon = new[] { Now - TimeSpan.FromMinutes(59) - TimeSpan.FromSeconds(59), Now.AddSeconds(-10) };
        Assert.Equal(Now.AddSeconds(-10) + Minute - Now, new SendWindow(1, 2).WaitBeforeNext(soon, Now));
    }
}
