namespace Kto.Core.Population;

/// <summary>What became of a withdrawal or correction; the edge says how to answer each.</summary>
public enum CorrectionOutcome
{
    Done,
    UnknownService,
    /// <summary>A withdrawn service stays withdrawn: nothing more can be changed about it.</summary>
    AlreadyWithdrawn,
    /// <summary>No reason, or one that does not fit the kind of change (<see cref="CorrectionReasons.AllowedFor"/>).</summary>
    InvalidReason,
    NoteTooLong,
    /// <summary>A correction that names neither a perceel nor an end date.</summary>
    NothingToCorrect,
    UnknownPerceel,
    InvalidDate,
    /// <summary>The end date lies in another measurement year: withdraw the service instead (see README).</summary>
    OtherYear,
    /// <summary>The end date lies after today: such a service has not ended; withdraw it as not ended.</summary>
    InFuture,
    /// <summary>The corrected value is the one the service has already.</summary>
    NoChange,
}
