namespace Kto.Core.Fieldwork;

/// <summary>What recording a letter or phone call came to.</summary>
public enum ManualAttemptResult
{
    Recorded,
    /// <summary>Only letters and phone calls are recorded by hand (or the mode was not recognised).</summary>
    ModeNotManual,
    /// <summary>The outcome is not one of <see cref="ManualAttemptService.AllowedOutcomes"/> for the mode.</summary>
    OutcomeNotAllowed,
    UnknownService,
    /// <summary>"Call back" without the time the client asked for.</summary>
    CallBackTimeMissing,
}
