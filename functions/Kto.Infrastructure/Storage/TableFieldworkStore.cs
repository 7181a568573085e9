using System.Runtime.CompilerServices;
using Azure;
using Kto.Core;
using Kto.Core.Fieldwork;
using Kto.Core.Survey;

namespace Kto.Infrastructure.Storage;

/// <summary>
/// The mail job's view of the services table, claims by ETag, and the attempts table (one row per attempt,
/// partitioned like the services so a report reads one partition per company and year).
/// </summary>
public sealed class TableFieldworkStore(TableServiceClient tables) : IFieldworkStore
{
    private readonly TableClient services = tables.GetTableClient(StorageNames.ServicesTable);
    private readonly TableClient contacts = tables.GetTableClient(StorageNames.ContactsTable);
    private readonly TableClient attempts = tables.GetTableClient(StorageNames.AttemptsTable);
    private readonly AttemptTables attemptTables = new(tables.GetTableClient(StorageNames.AttemptsTable), tables.GetTableClient(StorageNames.ServicesTable));

    public async IAsyncEnumerable<FieldworkCandidate> CandidatesAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = $"PartitionKey eq {TableKeys.Quote(TableKeys.CompanyYear(company, year))}";
        await foreach (var e in services.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            if (ToCandidate(company, year, e) is { } candidate) yield return candidate;
    }

    /// <summary>Asks the table for the rows without e-mail or with a bounce only; the open-status rule is applied here.</summary>
    public async IAsyncEnumerable<FieldworkCandidate> OfflineCandidatesAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = $"PartitionKey eq {TableKeys.Quote(TableKeys.CompanyYear(company, year))} " +
                     $"and ({ServiceColumns.HasEmail} eq false or {ServiceColumns.EmailBounced} eq true)";
        await foreach (var e in services.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            if (ToCandidate(company, year, e) is { } candidate && OfflineContactService.NeedsLetterOrCall(candidate.State)) yield return candidate;
    }

    public async Task<FieldworkCandidate?> GetAsync(ServiceRef service, CancellationToken cancellationToken)
    {
        var found = await services.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.CompanyYear(service.Company, service.Year), service.ServiceId, cancellationToken: cancellationToken);
        return found.HasValue ? ToCandidate(service.Company, service.Year, found.Value!) : null;
    }

    /// <summary>A row without a perceel is not a service ingest wrote: the mail job leaves it alone.</summary>
    private static FieldworkCandidate? ToCandidate(string company, int year, TableEntity e) =>
        ServiceRows.Read(e) is { Perceel: { } perceel } row
            ? new FieldworkCandidate(
                new ServiceRef(company, year, row.Id),
                perceel,
                ServiceRows.StateOf(row),
                row.Version,
                row.ClaimStep,
                row.ClaimUntil)
            : null;

    public async Task<bool> TryClaimAsync(FieldworkCandidate candidate, ContactStep step, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var claim = ServiceRows.Claim(candidate.Ref, step.Number, until);
        try
        {
            await services.UpdateEntityAsync(claim, new ETag(candidate.Version), TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    public Task<IReadOnlyList<ClaimOutcome>> TryClaimAllAsync(IReadOnlyList<(FieldworkCandidate Candidate, ContactStep Step)> claims,
        DateTimeOffset until, CancellationToken cancellationToken) =>
        FieldworkBatches.ClaimAllAsync(services, claims, until, cancellationToken);

    public Task<IReadOnlyDictionary<ServiceRef, ContactDetails>> GetContactsAsync(IReadOnlyList<ServiceRef> services, CancellationToken cancellationToken) =>
        FieldworkBatches.ContactsAsync(contacts, services, ContactRows.Read, cancellationToken);

    public Task RecordAllAsync(IReadOnlyList<(ContactAttempt Attempt, ContactUpdate Update)> records, CancellationToken cancellationToken) =>
        FieldworkBatches.RecordAllAsync(services, attempts, records, cancellationToken);

    public Task ReleaseClaimsAsync(IReadOnlyList<ServiceRef> services, CancellationToken cancellationToken) =>
        FieldworkBatches.ReleaseAsync(this.services, services, cancellationToken);

    public async Task<ContactDetails?> GetContactAsync(ServiceRef service, CancellationToken cancellationToken)
    {
        var found = await contacts.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.CompanyYear(service.Company, service.Year), service.ServiceId, cancellationToken: cancellationToken);
        if (!found.HasValue) return null;
        return ContactRows.Read(found.Value!);
    }

    public Task RecordAsync(ContactAttempt attempt, ContactUpdate update, CancellationToken cancellationToken) =>
        attemptTables.RecordAsync(attempt, update, cancellationToken);

    public Task<bool> TryRecordOnceAsync(ContactAttempt attempt, ContactUpdate update, CancellationToken cancellationToken) =>
        attemptTables.TryRecordOnceAsync(attempt, update, cancellationToken);

    public IAsyncEnumerable<ContactAttempt> AttemptsOfAsync(ServiceRef service, CancellationToken cancellationToken) =>
        attemptTables.AttemptsOfAsync(service, cancellationToken);

    public async IAsyncEnumerable<ContactAttempt> AttemptsAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = $"PartitionKey eq {TableKeys.Quote(TableKeys.CompanyYear(company, year))}";
        await foreach (var e in attempts.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            yield return AttemptRows.Read(company, year, e);
    }
}
