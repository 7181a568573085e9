using Kto.Core.Settings;
using Kto.Core.Survey;

namespace Kto.Core.Fieldwork;

/// <summary>
/// The one place for when a client may be mailed: which step is due, quiet hours, and when fieldwork closes.
/// </summary>
public sealed class ContactPolicy(FieldworkSettings settings)
{
    private readonly IReadOnlyList<int> reminderDays = settings.ReminderDayList();

    public int ReminderCount => reminderDays.Count;

    /// <summary>No mail at night or on Sundays, Dutch time.</summary>
    public bool IsQuietTime(DateTimeOffset utc)
    {
        var local = DutchTime.ToDutch(utc);
        if (settings.NoMailOnSunday && local.DayOfWeek == DayOfWeek.Sunday) return true;
        return local.Hour < settings.QuietUntilHour || local.Hour >= settings.QuietFromHour;
    }

    /// <summary>Within the interviewers' calling hours, Dutch time (outside them the call list is read-only).</summary>
    public bool IsCallingTime(DateTimeOffset utc)
    {
        var local = DutchTime.ToDutch(utc);
        if (settings.NoCallsOnSunday && local.DayOfWeek == DayOfWeek.Sunday) return false;
        return local.Hour >= settings.CallFromHour && local.Hour < settings.CallUntilHour;
    }

    /// <summary>The interviewers' calling hours (the settings), for the pages and the API to say.</summary>
    public CallingHours CallingHours => new(settings.CallFromHour, settings.CallUntilHour, settings.NoCallsOnSunday);

    /// <summary>"van 9:00 tot 20:00 uur, niet op zondag": the calling hours as the API's Dutch texts say them.</summary>
    public string CallingHoursText => CallingHours.ToString();

    /// <summary>Calls to one client after which the call list stops offering the client.</summary>
    public int MaxCallAttempts => settings.MaxCallAttempts;

    /// <summary>
    /// The one rule for when calling a client stops: refused, a wrong number, or the maximum number of calls. The call
    /// list leaves the client out and every door (API, portal) refuses a further call.
    /// </summary>
    public bool CallingEnded(IEnumerable<ContactAttempt> calls)
    {
        var phone = calls.Where(c => c.Mode == ContactMode.Phone).ToList();
        return phone.Count >= settings.MaxCallAttempts || phone.Any(c => AttemptOutcomes.EndsCalling(c.Outcome));
    }

    /// <summary>The last day (inclusive, Dutch time) on which clients of <paramref name="year"/> may be approached.</summary>
    public DateOnly FieldworkCloses(int year) => new(year + 1, settings.ClosesMonth, settings.ClosesDay);

    public bool IsFieldworkOpen(int year, DateTimeOffset utc) =>
        DutchTime.DateOf(utc) <= FieldworkCloses(year);

    /// <summary>Measurement years whose fieldwork is open at this moment: this year, and last year until it closes.</summary>
    public IReadOnlyList<int> YearsInFieldwork(DateTimeOffset utc)
    {
        var year = DutchTime.ToDutch(utc).Year;
        return IsFieldworkOpen(year - 1, utc) ? [year - 1, year] : [year];
    }

    /// <summary>The e-mail step due for this service now, or null when nothing is due.</summary>
    public ContactStep? DueEmailStep(ContactState state, int year, DateTimeOffset utc)
    {
        if (state.Status != ServiceStatus.Open || !state.HasUsableEmail) return null;
        if (!IsFieldworkOpen(year, utc)) return null;
        if (state.RetryAfter is { } retry && retry > utc) return null;
        if (state.StepsSent == 0) return ContactStep.Invitation;

        var reminder = state.StepsSent; // steps sent 1 → reminder 1 is next
        if (reminder > reminderDays.Count || state.InvitedAt is null) return null;
        return utc >= state.InvitedAt.Value.AddDays(reminderDays[reminder - 1]) ? new ContactStep(reminder) : null;
    }

    /// <summary>
    /// The letter due now for a client the post reaches: the first letter (<see cref="ContactStep.Invitation"/>) when
    /// none was posted, else reminder n once the n-th reminder days have passed since the first letter was posted, up
    /// to as many reminders as e-mail gets; null when none is due or fieldwork has closed. Quiet hours do not apply.
    /// </summary>
    /// <param name="postedLetters">When each letter to this client was posted (attempts <c>letter</c> / <c>sent</c>).</param>
    public ContactStep? DueLetter(IReadOnlyCollection<DateTimeOffset> postedLetters, int year, DateTimeOffset utc)
    {
        if (!IsFieldworkOpen(year, utc)) return null;
        if (postedLetters.Count == 0) return ContactStep.Invitation;
        var reminder = postedLetters.Count;
        if (reminder > reminderDays.Count) return null;
        return utc >= postedLetters.Min().AddDays(reminderDays[reminder - 1]) ? new ContactStep(reminder) : null;
    }
}
