namespace Kto.Core.Fieldwork;

/// <summary>Shared across runs and instances: reserves send slots, or says when the next one frees up.</summary>
public interface IMailThrottle
{
    /// <returns>null when a slot was reserved; otherwise how long until one may be free.</returns>
    Task<TimeSpan?> TryReserveAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Reserves up to <paramref name="wanted"/> slots at once (a mail batch), never more than the limits leave free
    /// now. A store that can decides them in one write (the Table throttle); this default reserves one.
    /// </summary>
    async Task<ThrottleGrant> TryReserveAsync(int wanted, CancellationToken cancellationToken) =>
        wanted <= 0 ? new ThrottleGrant(0, null)
        : await TryReserveAsync(cancellationToken) is { } wait ? new ThrottleGrant(0, wait) : new ThrottleGrant(1, null);

    /// <summary>Read-only: the sends in the current minute and hour windows against the limits (reserves nothing).</summary>
    Task<ThrottleUse> CurrentUseAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Slots reserved for a batch (at least one), or none and how long until one may be free. <paramref name="FreeAfter"/>:
/// how many more slots the throttle saw free right after this grant (0 when it cannot say), so a run knows how far
/// ahead it may prepare mail that will go out soon (a hint, not a reservation: another run may take them first).
/// </summary>
public sealed record ThrottleGrant(int Slots, TimeSpan? Wait, int FreeAfter = 0);
