namespace Kto.Core.Fieldwork;

/// <summary>What became of one claim of a batch (<see cref="IFieldworkStore.TryClaimAllAsync"/>).</summary>
public enum ClaimOutcome
{
    /// <summary>This run holds the step now: it may send.</summary>
    Claimed,
    /// <summary>The service changed since it was read (another run claimed or recorded it): leave it.</summary>
    Busy,
    /// <summary>Storage failed: whether the claim was written is unknown, and another run may hold it; leave it.</summary>
    Unknown,
}
