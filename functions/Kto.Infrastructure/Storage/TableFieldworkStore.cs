using System.Runtime.CompilerServices;
using Azure;
using Kto.Core;
using Kto.Core.Fieldwork;
using Kto.Core.Survey;

namespace Kto.Infrastructure.Storage;

/// <summary>
/// The mail job's view of the services table, claims by ETag, and the attempts table (one row per attempt,
/// partitioned like the services so a report reads one partition per company and year); the rules it shares with the
/// opdrachtgevers are <see cref="FieldworkTables"/>.
/// </summary>
public sealed class TableFieldworkStore(TableServiceClient tables)
    : FieldworkTables(tables.GetTableClient(StorageNames.ServicesTable), tables.GetTableClient(StorageNames.ContactsTable),
        tables.GetTableClient(StorageNames.AttemptsTable), ContactRows.Read), IFieldworkStore
{
    private readonly TableClient services = tables.GetTableClient(StorageNames.ServicesTable);
    private readonly TableClient attempts = tables.GetTableClient(StorageNames.AttemptsTable);

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

    public async IAsyncEnumerable<ContactAttempt> AttemptsAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = $"PartitionKey eq {TableKeys.Quote(TableKeys.CompanyYear(company, year))}";
        await foreach (var e in attempts.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            yield return AttemptRows.Read(company, year, e);
    }

    /// <summary>Only <see cref="AttemptRows.CountedColumns"/>: the attempts partition is the largest a population read asks for.</summary>
    public async IAsyncEnumerable<ContactAttempt> AttemptsToCountAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = $"PartitionKey eq {TableKeys.Quote(TableKeys.CompanyYear(company, year))}";
        await foreach (var e in attempts.QueryAsync<TableEntity>(filter, select: AttemptRows.CountedColumns, cancellationToken: cancellationToken))
            yield return AttemptRows.Read(company, year, e);
    }
}
