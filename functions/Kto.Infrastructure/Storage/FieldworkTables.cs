using System.Runtime.CompilerServices;
using Azure;
using Kto.Core.Fieldwork;
using Kto.Core.Survey;

namespace Kto.Infrastructure.Storage;

/// <summary>
/// The fieldwork rules over one set of tables (a state row per service, its contact row, its attempts), the same for
/// clients and opdrachtgevers, which only differ in their tables and contact columns: claims by ETag; the attempt row
/// first, then the merge into the state row, so that after a crash in between the claim stays and the next run
/// records "unknown" rather than mailing again; create-only manual attempts.
/// </summary>
public abstract class FieldworkTables(TableClient states, TableClient contacts, TableClient attempts, Func<TableEntity, ContactDetails> readContact)
{
    public async Task<bool> TryClaimAsync(FieldworkCandidate candidate, ContactStep step, DateTimeOffset until, CancellationToken cancellationToken)
    {
        try
        {
            await states.UpdateEntityAsync(ServiceRows.Claim(candidate.Ref, step.Number, until), new ETag(candidate.Version), TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    public Task<IReadOnlyList<ClaimOutcome>> TryClaimAllAsync(IReadOnlyList<(FieldworkCandidate Candidate, ContactStep Step)> claims,
        DateTimeOffset until, CancellationToken cancellationToken) =>
        FieldworkBatches.ClaimAllAsync(states, claims, until, cancellationToken);

    public async Task<ContactDetails?> GetContactAsync(ServiceRef service, CancellationToken cancellationToken)
    {
        var found = await contacts.GetEntityIfExistsAsync<TableEntity>(ServiceRows.Partition(service), service.ServiceId, cancellationToken: cancellationToken);
        return found.HasValue ? readContact(found.Value!) : null;
    }

    public Task<IReadOnlyDictionary<ServiceRef, ContactDetails>> GetContactsAsync(IReadOnlyList<ServiceRef> services, CancellationToken cancellationToken) =>
        FieldworkBatches.ContactsAsync(contacts, services, readContact, cancellationToken);

    public async Task RecordAsync(ContactAttempt attempt, ContactUpdate update, CancellationToken cancellationToken)
    {
        // A retry of this write changes nothing (AttemptRows: the row key is service, step and time).
        await attempts.UpsertEntityAsync(AttemptRows.Write(attempt), TableUpdateMode.Replace, cancellationToken);
        await states.UpdateEntityAsync(ServiceRows.Recorded(attempt.Service, attempt.Step, update), ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    public Task RecordAllAsync(IReadOnlyList<(ContactAttempt Attempt, ContactUpdate Update)> records, CancellationToken cancellationToken) =>
        FieldworkBatches.RecordAllAsync(states, attempts, records, cancellationToken);

    public Task RecordAttemptsAsync(IReadOnlyList<(ContactAttempt Attempt, ContactUpdate Update)> records, CancellationToken cancellationToken) =>
        FieldworkBatches.RecordAttemptsAsync(attempts, records, cancellationToken);

    public Task ApplyUpdatesAsync(IReadOnlyList<(ContactAttempt Attempt, ContactUpdate Update)> records, CancellationToken cancellationToken) =>
        FieldworkBatches.ApplyUpdatesAsync(states, records, cancellationToken);

    /// <summary>A letter or call recorded by hand: create-only, so the same attempt twice is recorded once (false the second time).</summary>
    public async Task<bool> TryRecordOnceAsync(ContactAttempt attempt, ContactUpdate update, CancellationToken cancellationToken)
    {
        try
        {
            await attempts.AddEntityAsync(AttemptRows.WriteOnce(attempt), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
        await states.UpdateEntityAsync(ServiceRows.Recorded(attempt.Service, attempt.Step, update), ETag.All, TableUpdateMode.Merge, cancellationToken);
        return true;
    }

    public Task ReleaseClaimsAsync(IReadOnlyList<ServiceRef> services, CancellationToken cancellationToken) =>
        FieldworkBatches.ReleaseAsync(states, services, cancellationToken);

    public async IAsyncEnumerable<ContactAttempt> AttemptsOfAsync(ServiceRef service, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var e in attempts.QueryAsync<TableEntity>(AttemptRows.ServiceFilter(service), cancellationToken: cancellationToken))
        {
            var attempt = AttemptRows.Read(service.Company, service.Year, e);
            if (attempt.Service == service) yield return attempt;
        }
    }
}
