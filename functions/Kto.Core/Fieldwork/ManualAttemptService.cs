using Kto.Core.Survey;

namespace Kto.Core.Fieldwork;

/// <summary>The bureau records a letter or a phone call, so approached can equal ended for clients without e-mail.</summary>
public sealed class ManualAttemptService(IFieldworkStore store)
{
    /// <param name="mode">Null when the caller named no known mode.</param>
    /// <param name="outcome">Null when the caller named no known outcome.</param>
    public async Task<ManualAttemptResult> RecordAsync(ServiceRef service, ContactMode? mode, AttemptOutcome? outcome, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        if (mode is not ({ } manual and (ContactMode.Letter or ContactMode.Phone))) return ManualAttemptResult.ModeNotManual;
        if (outcome is not { } result || !AllowedOutcomes(manual).Contains(result)) return ManualAttemptResult.OutcomeNotAllowed;
        var current = await store.GetAsync(service, cancellationToken);
        if (current is null) return ManualAttemptResult.UnknownService;

        var attempt = new ContactAttempt(service, new ContactStep(current.State.StepsSent), manual, at, result);
        await store.RecordAsync(attempt, ContactUpdate.For(attempt, TimeSpan.Zero), cancellationToken);
        return ManualAttemptResult.Recorded;
    }

    /// <summary>A letter is sent or comes back; a call reaches the client, goes unanswered, or fails.</summary>
    public static IReadOnlyList<AttemptOutcome> AllowedOutcomes(ContactMode mode) => mode == ContactMode.Letter
        ? [AttemptOutcome.Sent, AttemptOutcome.Failed]
        : [AttemptOutcome.Reached, AttemptOutcome.NoAnswer, AttemptOutcome.Failed];
}
