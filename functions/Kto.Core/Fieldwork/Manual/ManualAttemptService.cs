using Kto.Core.Accounts;
using Kto.Core.Survey;

namespace Kto.Core.Fieldwork;

/// <summary>
/// The bureau records a letter or a phone call, so approached can equal ended for clients without e-mail. Each one
/// goes to the audit log with who recorded it (a person in the portal, or the bureau's API key). The rules hold at
/// every door (API, portal, CLI): a call only within the calling hours and never after calling ended
/// (<see cref="ContactPolicy"/>), and a repeat of the same record (a double click, a retry) records nothing twice.
/// </summary>
public sealed class ManualAttemptService(IFieldworkStore store, IAuditLog audit, ContactPolicy policy, TimeProvider time)
{
    /// <param name="actor">Who records, for the audit log: a user's e-mail address or <see cref="AuditActions.ApiKey"/>.</param>
    /// <param name="mode">Null when the caller named no known mode.</param>
    /// <param name="outcome">Null when the caller named no known outcome.</param>
    /// <param name="callBackAt">Required for <see cref="AttemptOutcome.CallBack"/>: when to call again.</param>
    /// <param name="seenStep">The client's step when the person chose (the form's step): a repeat sent after the first
    /// was stored is known by it. Null: the step as stored now (repeats at the same moment are still caught).</param>
    public async Task<ManualAttemptOutcome> RecordAsync(string actor, ServiceRef service, ContactMode? mode, AttemptOutcome? outcome, DateTimeOffset at,
        CancellationToken cancellationToken, DateTimeOffset? callBackAt = null, int? seenStep = null)
    {
        if (mode is not ({ } manual and (ContactMode.Letter or ContactMode.Phone))) return ManualAttemptOutcome.ModeNotManual;
        if (outcome is not { } result || !AllowedOutcomes(manual).Contains(result)) return ManualAttemptOutcome.OutcomeNotAllowed;
        if (result == AttemptOutcome.CallBack && callBackAt is null) return ManualAttemptOutcome.CallBackTimeMissing;
        var current = await store.GetAsync(service, cancellationToken);
        if (current is null) return ManualAttemptOutcome.UnknownService;

        var earlier = await store.AttemptsOfAsync(service, cancellationToken).ToListAsync(cancellationToken);
        // The same record again (same step seen, mode and outcome): answer as the first did, record nothing.
        var seen = seenStep ?? current.State.StepsSent;
        if (earlier.Any(a => a.Step.Number == seen && a.Mode == manual && a.Outcome == result)) return ManualAttemptOutcome.AlreadyRecorded;
        if (manual == ContactMode.Phone)
        {
            if (!policy.IsCallingTime(at)) return ManualAttemptOutcome.OutsideCallingHours;
            if (policy.CallingEnded(earlier)) return ManualAttemptOutcome.CallingEnded;
        }

        var attempt = new ContactAttempt(service, new ContactStep(current.State.StepsSent), manual, at, result,
            By: actor, CallBackAt: result == AttemptOutcome.CallBack ? callBackAt : null);
        // Create-only: of two identical records at the same moment (on any instance) one is written and audited.
        if (!await store.TryRecordOnceAsync(attempt, ContactUpdate.For(attempt, TimeSpan.Zero), cancellationToken))
            return ManualAttemptOutcome.AlreadyRecorded;
        await audit.WriteAsync(new AuditEntry(time.GetUtcNow(), actor, AuditActions.AttemptRecorded, service.Company,
            $"{Describe(manual, result)} (dienst {service.ServiceId}, {service.Year})"), cancellationToken);
        return ManualAttemptOutcome.Recorded;
    }

    /// <summary>What was recorded, in plain Dutch: the portal's choices and the audit log say it the same way.</summary>
    public static string Describe(ContactMode mode, AttemptOutcome outcome) => (mode, outcome) switch
    {
        (ContactMode.Letter, AttemptOutcome.Sent) => "Brief verstuurd",
        (ContactMode.Letter, AttemptOutcome.Failed) => "Brief kwam terug",
        (ContactMode.Phone, AttemptOutcome.Reached) => "Gebeld: bereikt",
        (ContactMode.Phone, AttemptOutcome.NoAnswer) => "Gebeld: geen gehoor",
        (ContactMode.Phone, AttemptOutcome.Voicemail) => "Gebeld: voicemail ingesproken",
        (ContactMode.Phone, AttemptOutcome.Refused) => "Gebeld: wil niet meedoen",
        (ContactMode.Phone, AttemptOutcome.WrongNumber) => "Gebeld: verkeerd nummer",
        (ContactMode.Phone, AttemptOutcome.CallBack) => "Gebeld: terugbellen gevraagd",
        (ContactMode.Phone, AttemptOutcome.Failed) => "Gebeld: mislukt",
        _ => $"{ContactModes.Name(mode)}: {AttemptOutcomes.Name(outcome)}",
    };

    /// <summary>Every mode and outcome a person can record, in the order the portal offers them.</summary>
    public static IEnumerable<(ContactMode Mode, AttemptOutcome Outcome)> Choices() =>
        new[] { ContactMode.Letter, ContactMode.Phone }.SelectMany(m => AllowedOutcomes(m).Select(o => (m, o)));

    /// <summary>
    /// A letter is sent or comes back; a call reaches the client, goes unanswered or to voicemail, is refused, hits a
    /// wrong number, or the client asks to be called back (<c>failed</c> stays for calls recorded before the finer outcomes).
    /// </summary>
    public static IReadOnlyList<AttemptOutcome> AllowedOutcomes(ContactMode mode) => mode == ContactMode.Letter
        ? [AttemptOutcome.Sent, AttemptOutcome.Failed]
        : [AttemptOutcome.Reached, AttemptOutcome.NoAnswer, AttemptOutcome.Voicemail, AttemptOutcome.Refused, AttemptOutcome.WrongNumber,
           AttemptOutcome.CallBack, AttemptOutcome.Failed];
}
