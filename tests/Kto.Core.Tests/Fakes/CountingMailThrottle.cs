using Kto.Core.Fieldwork;

namespace Kto.Core.Tests.Fakes;

/// <summary>
/// A throttle with a number of free slots (set by the test; none left means a wait of <see cref="WaitWhenFull"/>),
/// counting reservations and the slots it granted, as the Table throttle decides them in one write.
/// </summary>
public sealed class CountingMailThrottle(int free) : IMailThrottle
{
    public int Free { get; set; } = free;
    public TimeSpan WaitWhenFull { get; set; } = TimeSpan.FromHours(1);
    public List<int> Granted { get; } = [];
    public int Reservations { get; private set; }

    /// <summary>Set by a test: called at every reservation (to note when it happens).</summary>
    public Action? OnReserve { get; set; }

    public async Task<TimeSpan?> TryReserveAsync(CancellationToken cancellationToken) =>
        (await TryReserveAsync(1, cancellationToken)).Wait;

    public Task<ThrottleGrant> TryReserveAsync(int wanted, CancellationToken cancellationToken)
    {
        Reservations++;
        OnReserve?.Invoke();
        var slots = Math.Min(wanted, Free);
        if (slots == 0) return Task.FromResult(new ThrottleGrant(0, WaitWhenFull));
        Free -= slots;
        Granted.Add(slots);
        return Task.FromResult(new ThrottleGrant(slots, null, Free));
    }

    public Task<ThrottleUse> CurrentUseAsync(CancellationToken cancellationToken) => Task.FromResult(new ThrottleUse(0, 30, 0, 100));
}
