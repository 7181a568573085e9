using Kto.Core.Accounts;
using Kto.Core.Survey;

namespace Kto.Core.Fieldwork;

/// <summary>
/// The bureau records a letter or a phone call, so approached can equal ended for clients without e-mail. Each one
/// goes to the audit log with who recorded it (a person in the portal, or the bureau's API key).
/// </summary>
public sealed class ManualAttemptService(IFieldworkStore store, IAuditLog audit, TimeProvider time)
{
    /// <param name="actor">Who records, for the audit log: a user's e-mail address or <see cref="AuditActions.ApiKey"/>.</param>
    /// <param name="mode">Null when the caller named no known mode.</param>
    /// <param name="outcome">Null when the caller named no known outcome.</param>
    public async Task<ManualAttemptResult> RecordAsync(string actor, ServiceRef service, ContactMode? mode, AttemptOutcome? outcome, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        if (mode is not ({ } manual and (ContactMode.Letter or ContactMode.Phone))) return ManualAttemptResult.ModeNotManual;
        if (outcome is not { } result || !AllowedOutcomes(manual).Contains(result)) return ManualAttemptResult.OutcomeNotAllowed;
        var current = await store.GetAsync(service, cancellationToken);
        if (current is null) return ManualAttemptResult.UnknownService;

        var attempt = new ContactAttempt(service, new ContactStep(current.State.StepsSent), manual, at, result);
        await store.RecordAsync(attempt, ContactUpdate.For(attempt, TimeSpan.Zero), cancellationToken);
        await audit.WriteAsync(new AuditEntry(time.GetUtcNow(), actor, AuditActions.AttemptRecorded, service.Company,
            $"{Describe(manual, result)} (dienst {service.ServiceId}, {service.Year})"), cancellationToken);
        return ManualAttemptResult.Recorded;
    }

    /// <summary>What was recorded, in plain Dutch: the portal's choices and the audit log say it the same way.</summary>
    public static string Describe(ContactMode mode, AttemptOutcome outcome) => (mode, outcome) switch
    {
        (ContactMode.Letter, AttemptOutcome.Sent) => "Brief verstuurd",
        (ContactMode.Letter, AttemptOutcome.Failed) => "Brief kwam terug",
        (ContactMode.Phone, AttemptOutcome.Reached) => "Gebeld: bereikt",
        (ContactMode.Phone, AttemptOutcome.NoAnswer) => "Gebeld: geen gehoor",
        (ContactMode.Phone, AttemptOutcome.Failed) => "Gebeld: nummer klopt niet",
        _ => $"{ContactModes.Name(mode)}: {AttemptOutcomes.Name(outcome)}",
    };

    /// <summary>Every mode and outcome a person can record, in the order the portal offers them.</summary>
    public static IEnumerable<(ContactMode Mode, AttemptOutcome Outcome)> Choices() =>
        new[] { ContactMode.Letter, ContactMode.Phone }.SelectMany(m => AllowedOutcomes(m).Select(o => (m, o)));

    /// <summary>A letter is sent or comes back; a call reaches the client, goes unanswered, or fails.</summary>
    public static IReadOnlyList<AttemptOutcome> AllowedOutcomes(ContactMode mode) => mode == ContactMode.Letter
        ? [AttemptOutcome.Sent, AttemptOutcome.Failed]
        : [AttemptOutcome.Reached, AttemptOutcome.NoAnswer, AttemptOutcome.Failed];
}
