using System.Runtime.CompilerServices;
using Kto.Core.Fieldwork;
using Kto.Core.Survey;

namespace Kto.Core.Population;

/// <summary>
/// The mail job's, the offline list's and the manual attempts' view of the services with the bureau's corrections
/// applied (<see cref="PopulationCorrections"/>): a withdrawn service is no candidate and cannot be found, so it gets
/// no invitation, reminder, letter or call; a corrected perceel is the one its mail names.
/// </summary>
public sealed class CorrectedFieldworkStore(IFieldworkStore inner, ICorrectionStore corrections) : IFieldworkStore
{
    public async IAsyncEnumerable<FieldworkCandidate> CandidatesAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var byService = await PopulationCorrections.ByServiceAsync(corrections, company, year, cancellationToken);
        await foreach (var candidate in inner.CandidatesAsync(company, year, cancellationToken))
            if (Corrected(candidate, byService.GetValueOrDefault(candidate.Ref.ServiceId)) is { } corrected) yield return corrected;
    }

    public async Task<FieldworkCandidate?> GetAsync(ServiceRef service, CancellationToken cancellationToken)
    {
        var candidate = await inner.GetAsync(service, cancellationToken);
        return candidate is null ? null : Corrected(candidate, await corrections.ForServiceAsync(service, cancellationToken));
    }

    private static FieldworkCandidate? Corrected(FieldworkCandidate candidate, IReadOnlyList<ServiceCorrection>? list)
    {
        if (list is null || list.Count == 0) return candidate;
        var corrected = PopulationCorrections.Apply(candidate.Perceel, default, list);
        return corrected.Withdrawn ? null : candidate with { Perceel = corrected.Perceel };
    }

    public Task<bool> TryClaimAsync(FieldworkCandidate candidate, ContactStep step, DateTimeOffset until, CancellationToken cancellationToken) =>
        inner.TryClaimAsync(candidate, step, until, cancellationToken);

    public Task<IReadOnlyList<ClaimOutcome>> TryClaimAllAsync(IReadOnlyList<(FieldworkCandidate Candidate, ContactStep Step)> claims,
        DateTimeOffset until, CancellationToken cancellationToken) =>
        inner.TryClaimAllAsync(claims, until, cancellationToken);

    public Task<ContactDetails?> GetContactAsync(ServiceRef service, CancellationToken cancellationToken) =>
        inner.GetContactAsync(service, cancellationToken);

    public Task<IReadOnlyDictionary<ServiceRef, ContactDetails>> GetContactsAsync(IReadOnlyList<ServiceRef> services, CancellationToken cancellationToken) =>
        inner.GetContactsAsync(services, cancellationToken);

    public Task RecordAsync(ContactAttempt attempt, ContactUpdate update, CancellationToken cancellationToken) =>
        inner.RecordAsync(attempt, update, cancellationToken);

    public Task RecordAllAsync(IReadOnlyList<(ContactAttempt Attempt, ContactUpdate Update)> records, CancellationToken cancellationToken) =>
        inner.RecordAllAsync(records, cancellationToken);

    public Task RecordAttemptsAsync(IReadOnlyList<(ContactAttempt Attempt, ContactUpdate Update)> records, CancellationToken cancellationToken) =>
        inner.RecordAttemptsAsync(records, cancellationToken);

    public Task ApplyUpdatesAsync(IReadOnlyList<(ContactAttempt Attempt, ContactUpdate Update)> records, CancellationToken cancellationToken) =>
        inner.ApplyUpdatesAsync(records, cancellationToken);

    public Task ReleaseClaimsAsync(IReadOnlyList<ServiceRef> services, CancellationToken cancellationToken) =>
        inner.ReleaseClaimsAsync(services, cancellationToken);

    public Task<bool> TryRecordOnceAsync(ContactAttempt attempt, ContactUpdate update, CancellationToken cancellationToken) =>
        inner.TryRecordOnceAsync(attempt, update, cancellationToken);

    public IAsyncEnumerable<ContactAttempt> AttemptsAsync(string company, int year, CancellationToken cancellationToken) =>
        inner.AttemptsAsync(company, year, cancellationToken);

    public IAsyncEnumerable<ContactAttempt> AttemptsToCountAsync(string company, int year, CancellationToken cancellationToken) =>
        inner.AttemptsToCountAsync(company, year, cancellationToken);

    public IAsyncEnumerable<ContactAttempt> AttemptsOfAsync(ServiceRef service, CancellationToken cancellationToken) =>
        inner.AttemptsOfAsync(service, cancellationToken);
}
