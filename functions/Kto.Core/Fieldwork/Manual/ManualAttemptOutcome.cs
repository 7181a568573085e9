namespace Kto.Core.Fieldwork;

/// <summary>What recording a letter or phone call came to.</summary>
public enum ManualAttemptOutcome
{
    Recorded,
    /// <summary>The same attempt was recorded before (a double click, a retry): nothing new; the doors answer as for <see cref="Recorded"/>.</summary>
    AlreadyRecorded,
    /// <summary>A call outside the calling hours (<see cref="ContactPolicy.IsCallingTime"/>).</summary>
    OutsideCallingHours,
    /// <summary>Calling this client has ended (<see cref="ContactPolicy.CallingEnded"/>): refused, wrong number, or the maximum.</summary>
    CallingEnded,
    /// <summary>Only letters and phone calls are recorded by hand (or the mode was not recognised).</summary>
    ModeNotManual,
    /// <summary>The outcome is not one of <see cref="ManualAttemptService.AllowedOutcomes"/> for the mode.</summary>
    OutcomeNotAllowed,
    UnknownService,
    /// <summary>"Call back" without the time the client asked for.</summary>
    CallBackTimeMissing,
}
