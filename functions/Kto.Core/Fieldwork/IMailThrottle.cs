namespace Kto.Core.Fieldwork;

/// <summary>Shared across runs and instances: reserves a send slot, or says when the next one frees up.</summary>
public interface IMailThrottle
{
    /// <returns>null when a slot was reserved; otherwise how long until one may be free.</returns>
    Task<TimeSpan?> TryReserveAsync(CancellationToken cancellationToken);

    /// <summary>Read-only: the sends in the current minute and hour windows against the limits (reserves nothing).</summary>
    Task<ThrottleUse> CurrentUseAsync(CancellationToken cancellationToken);
}
