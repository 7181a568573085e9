using Kto.Core.Fieldwork;
using Kto.Core.Survey;

namespace Kto.Core.Interviews;

/// <summary>
/// The bureau's call list: open clients with a phone number who did not answer, did not opt out, did not refuse and
/// have had fewer than <c>Kto__Fieldwork__MaxCallAttempts</c> calls. Clients the phone is the only way to reach
/// (no usable e-mail, no postal address: <see cref="OfflineRoutes"/>) come first, then the fewest calls so far.
/// Counted from the attempts and responses as stored, like progress and the report. Opdrachtgevers (Blik op Werk) are
/// on the same list by the same rules when the store sees them (<see cref="Keurmerk.AudienceFieldworkStore"/>).
/// </summary>
public sealed class CallListService(IFieldworkStore store, IResponseStore responses, ContactPolicy policy, TimeProvider time)
{
    public async Task<CallList> ListAsync(string company, int year, CancellationToken cancellationToken)
    {
        var answered = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var response in responses.ForYearAsync(company, year, cancellationToken)) answered.Add(response.Service.ServiceId);
        var calls = await CallsAsync(company, year, cancellationToken);

        var list = new List<CallListEntry>();
        await foreach (var candidate in store.CandidatesAsync(company, year, cancellationToken))
        {
            if (candidate.State.Status != ServiceStatus.Open || answered.Contains(candidate.Ref.ServiceId)) continue;
            var made = calls.GetValueOrDefault(candidate.Ref.ServiceId) ?? [];
            if (CallingEnded(made)) continue;
            var contact = await store.GetContactAsync(candidate.Ref, cancellationToken);
            if (contact is null || string.IsNullOrWhiteSpace(contact.Telefoon)) continue;
            var last = made.LastOrDefault();
            list.Add(new CallListEntry(candidate.Ref, candidate.Perceel, contact, made.Count, last?.Outcome, last?.At,
                last?.Outcome == AttemptOutcome.CallBack ? last.CallBackAt : null,
                OnlyByPhone: !candidate.State.HasUsableEmail && OfflineRoutes.For(contact) == OfflineRoute.Phone, candidate.Audience));
        }
        var ordered = list
            .OrderByDescending(c => c.OnlyByPhone)
            .ThenBy(c => c.Calls)
            .ThenBy(c => c.CallBackAt ?? DateTimeOffset.MinValue)
            .ThenBy(c => c.LastCallAt ?? DateTimeOffset.MinValue)
            .ThenBy(c => c.Service.ServiceId, StringComparer.Ordinal)
            .ToList();
        var now = time.GetUtcNow();
        return new CallList(company, year, policy.IsCallingTime(now), policy.CallingHours, policy.MaxCallAttempts, ordered);
    }

    /// <summary>One client for the interviewer's screen; null when the service or its contact data is not there.</summary>
    public async Task<CallSheet?> SheetAsync(ServiceRef service, CancellationToken cancellationToken)
    {
        var candidate = await store.GetAsync(service, cancellationToken);
        if (candidate is null) return null;
        var contact = await store.GetContactAsync(service, cancellationToken);
        if (contact is null) return null;
        var answered = await responses.FindAsync(service, cancellationToken) is not null;
        var calls = (await store.AttemptsOfAsync(service, cancellationToken).ToListAsync(cancellationToken))
            .Where(a => a.Mode == ContactMode.Phone).OrderBy(a => a.At).ToList();
        return new CallSheet(service, candidate.Perceel, contact, candidate.State.Status, answered, calls, CallingEnded(calls),
            policy.IsCallingTime(time.GetUtcNow()), policy.CallingHours, policy.MaxCallAttempts, candidate.State.StepsSent, candidate.Audience);
    }

    /// <summary>When calling a client stops: <see cref="ContactPolicy.CallingEnded"/> (the same rule refuses a further call).</summary>
    private bool CallingEnded(IReadOnlyList<ContactAttempt> calls) => policy.CallingEnded(calls);

    private async Task<Dictionary<string, List<ContactAttempt>>> CallsAsync(string company, int year, CancellationToken cancellationToken)
    {
        var calls = new Dictionary<string, List<ContactAttempt>>(StringComparer.Ordinal);
        await foreach (var attempt in store.AttemptsAsync(company, year, cancellationToken))
        {
            if (attempt.Mode != ContactMode.Phone) continue;
            if (!calls.TryGetValue(attempt.Service.ServiceId, out var list)) calls[attempt.Service.ServiceId] = list = [];
            list.Add(attempt);
        }
        foreach (var list in calls.Values) list.Sort((a, b) => a.At.CompareTo(b.At));
        return calls;
    }
}
