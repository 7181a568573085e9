using Kto.Core.Survey;

namespace Kto.Core.Fieldwork;

/// <summary>The bureau records a letter or a phone call, so approached can equal ended for clients without e-mail.</summary>
public sealed class ManualAttemptService(IFieldworkStore store)
{
    public async Task<string?> RecordAsync(ServiceRef service, string? mode, string? outcome, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (mode is not (ContactModes.Letter or ContactModes.Phone))
            return "Kies 'letter' of 'phone' als manier van benaderen.";
        var allowed = mode == ContactModes.Letter
            ? new[] { AttemptOutcomes.Sent, AttemptOutcomes.Failed }
            : new[] { AttemptOutcomes.Reached, AttemptOutcomes.NoAnswer, AttemptOutcomes.Failed };
        if (outcome is null || !allowed.Contains(outcome))
            return $"Kies als uitkomst een van: {string.Join(", ", allowed)}.";
        var current = await store.GetAsync(service, cancellationToken);
        if (current is null) return "Deze dienst bestaat niet.";

        var attempt = new ContactAttempt(service, new ContactStep(current.State.StepsSent), mode, at, outcome);
        await store.RecordAsync(attempt, ContactUpdate.For(attempt, TimeSpan.Zero), cancellationToken);
        return null;
    }
}
