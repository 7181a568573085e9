namespace Kto.Core.Survey;

/// <summary>Where a client stands in the survey; anything but Open stops further mail.</summary>
public enum ServiceStatus
{
    Open,
    Responded,
    OptedOut,
}
