namespace Kto.Core.Fieldwork;

/// <summary>
/// When interviewers may call, Dutch time: from <paramref name="FromHour"/>:00 until <paramref name="UntilHour"/>:00,
/// and not on Sundays when <paramref name="NotOnSunday"/>. The pages phrase it in the reader's language from these
/// parts; <see cref="ToString"/> is the Dutch phrase the API's texts use.
/// </summary>
public sealed record CallingHours(int FromHour, int UntilHour, bool NotOnSunday)
{
    /// <summary>"van 9:00 tot 20:00 uur, niet op zondag".</summary>
    public override string ToString() => $"van {FromHour}:00 tot {UntilHour}:00 uur{(NotOnSunday ? ", niet op zondag" : "")}";
}
