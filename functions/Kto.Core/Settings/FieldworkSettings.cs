namespace Kto.Core.Settings;

/// <summary>
/// When clients are approached (configuration section <c>Kto:Fieldwork</c>). Reminder count and spacing and the
/// closing date are not fixed by UWV: defaults from the project's domain notes.
/// </summary>
public sealed class FieldworkSettings
{
    public const string Section = "Fieldwork";

    /// <summary>Days after the invitation on which reminders go out, comma-separated ("7,14" = two reminders).</summary>
    public string ReminderDays { get; set; } = "7,14";

    /// <summary>Fieldwork for year Y closes on this month and day of year Y+1; no mail after that.</summary>
    public int ClosesMonth { get; set; } = 1;

    public int ClosesDay { get; set; } = 31;

    /// <summary>No mail before this hour or from <see cref="QuietFromHour"/> on (Europe/Amsterdam).</summary>
    public int QuietUntilHour { get; set; } = 8;

    public int QuietFromHour { get; set; } = 21;

    public bool NoMailOnSunday { get; set; } = true;

    /// <summary>Calling hours for the bureau's interviewers (Europe/Amsterdam): from this hour…</summary>
    public int CallFromHour { get; set; } = 9;

    /// <summary>…until this hour (exclusive); outside them the call list is read-only.</summary>
    public int CallUntilHour { get; set; } = 20;

    public bool NoCallsOnSunday { get; set; } = true;

    /// <summary>Calls to one client (any outcome) after which the call list stops offering the client.</summary>
    public int MaxCallAttempts { get; set; } = 5;

    /// <summary>Letters drawn in one background step of a letter batch (its PDF part): small enough that no step comes
    /// near the Functions host's time limits, whatever the batch's size.</summary>
    public int LettersPerStep { get; set; } = 250;

    public IReadOnlyList<int> ReminderDayList() =>
        ReminderDays.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(int.Parse).Order().ToList();
}
