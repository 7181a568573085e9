using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Azure;
using Kto.Core.Companies;
using Kto.Core.Fieldwork;
using Kto.Core.Keurmerk;
using Kto.Core.Survey;

namespace Kto.Infrastructure.Storage;

/// <summary>
/// The opdrachtgevers (Blik op Werk) in their own tables, seen by ingest, the mail job, the questionnaire page and the
/// Keurmerk figures. The fieldwork rules are the clients' (claims by ETag, attempt first, then the state merge); only
/// the tables differ, so clients' figures never see an opdrachtgever.
/// </summary>
public sealed class TableOpdrachtgeverStore(TableServiceClient tables, ICompanyStore companies)
    : FieldworkTables(tables.GetTableClient(StorageNames.OpdrachtgeversTable), tables.GetTableClient(StorageNames.OpdrachtgeverContactsTable),
        tables.GetTableClient(StorageNames.OpdrachtgeverAttemptsTable), OpdrachtgeverRows.ReadContact),
      IOpdrachtgeverStore, IFieldworkStore, ISurveyServiceStore, IResponseStore
{
    private readonly TableClient state = tables.GetTableClient(StorageNames.OpdrachtgeversTable);
    private readonly TableClient contacts = tables.GetTableClient(StorageNames.OpdrachtgeverContactsTable);
    private readonly TableClient attempts = tables.GetTableClient(StorageNames.OpdrachtgeverAttemptsTable);
    private readonly TableClient responses = tables.GetTableClient(StorageNames.OpdrachtgeverResponsesTable);
    private readonly ConcurrentDictionary<string, string> companyNames = new(StringComparer.Ordinal);

    // --- ingest ---

    public async Task<IReadOnlyDictionary<string, string>> KnownAsync(string company, int year, CancellationToken cancellationToken)
    {
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var e in state.QueryAsync<TableEntity>(PartitionFilter(company, year), select: OpdrachtgeverRows.KnownColumns, cancellationToken: cancellationToken))
            known[e.RowKey] = e.GetString(ServiceColumns.DeliveryId) ?? "";
        return known;
    }

    public async Task InsertAsync(string company, int year, IReadOnlyList<NewOpdrachtgever> opdrachtgevers, CancellationToken cancellationToken)
    {
        if (opdrachtgevers.Count == 0) return;
        var partition = TableKeys.CompanyYear(company, year);
        // Contacts first, as for services: a state row is only written once its contact data is there.
        await TableDeliveryStore.InsertAsync(contacts, opdrachtgevers.Select(o => OpdrachtgeverRows.NewContact(partition, o)).ToList(), cancellationToken);
        await TableDeliveryStore.InsertAsync(state, opdrachtgevers.Select(o => OpdrachtgeverRows.New(partition, o)).ToList(), cancellationToken);
    }

    // --- figures ---

    public async IAsyncEnumerable<OpdrachtgeverEntry> ListAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var e in state.QueryAsync<TableEntity>(PartitionFilter(company, year), cancellationToken: cancellationToken))
            yield return OpdrachtgeverRows.ReadEntry(e);
    }

    public async IAsyncEnumerable<ContactAttempt> AttemptsAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var e in attempts.QueryAsync<TableEntity>(PartitionFilter(company, year), cancellationToken: cancellationToken))
            yield return AttemptRows.Read(company, year, e);
    }

    public async IAsyncEnumerable<StoredResponse> ResponsesAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var e in responses.QueryAsync<TableEntity>(PartitionFilter(company, year), cancellationToken: cancellationToken))
            yield return OpdrachtgeverRows.ReadResponse(new ServiceRef(company, year, e.RowKey), e);
    }

    // --- the mail job ---

    public async IAsyncEnumerable<FieldworkCandidate> CandidatesAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var e in state.QueryAsync<TableEntity>(PartitionFilter(company, year), cancellationToken: cancellationToken))
            yield return ToCandidate(company, year, e);
    }

    public async Task<FieldworkCandidate?> GetAsync(ServiceRef service, CancellationToken cancellationToken)
    {
        var found = await state.GetEntityIfExistsAsync<TableEntity>(ServiceRows.Partition(service), service.ServiceId, cancellationToken: cancellationToken);
        return found.HasValue ? ToCandidate(service.Company, service.Year, found.Value!) : null;
    }

    /// <summary>An opdrachtgever has no perceel; the candidate carries the enum's default, which the opdrachtgever mail never shows.</summary>
    private static FieldworkCandidate ToCandidate(string company, int year, TableEntity e)
    {
        var row = ServiceRows.Read(e);
        return new FieldworkCandidate(
            new ServiceRef(company, year, row.Id),
            default,
            new ContactState(row.Status, row.HasEmail, row.EmailBounced, row.StepsSent, row.InvitedAt, row.RetryAfter, row.Deferrals),
            row.Version,
            row.ClaimStep,
            row.ClaimUntil,
            SurveyAudience.Opdrachtgever);
    }

    // --- the questionnaire page ---

    async Task<ServiceSnapshot?> ISurveyServiceStore.GetAsync(ServiceRef service, CancellationToken cancellationToken)
    {
        var found = await state.GetEntityIfExistsAsync<TableEntity>(ServiceRows.Partition(service), service.ServiceId, cancellationToken: cancellationToken);
        if (!found.HasValue) return null;
        var row = ServiceRows.Read(found.Value!);
        // No perceel and no end date: the year's last day stands for the date, which the page does not show to opdrachtgevers.
        // The bureau corrects clients' services only: an opdrachtgever has no corrections to read.
        return new ServiceSnapshot(service, default, new DateOnly(service.Year, 12, 31), row.Status,
            await CompanyNameAsync(service.Company, cancellationToken), SurveyAudience.Opdrachtgever,
            MayHaveCorrections: false, MayHaveResponse: row.MayHaveResponse);
    }

    public Task<bool> MarkRespondedAsync(ServiceRef service, int? grade, CancellationToken cancellationToken) =>
        TableSurveyServiceStore.MarkRespondedAsync(state, service, grade, cancellationToken);

    public Task MarkOptedOutAsync(ServiceRef service, CancellationToken cancellationToken) =>
        state.UpdateEntityAsync(ServiceRows.OptedOut(service), ETag.All, TableUpdateMode.Merge, cancellationToken);

    public async Task<bool> TryAddAsync(StoredResponse response, CancellationToken cancellationToken)
    {
        // The opdrachtgever's row first, as for clients: the page looks for a response only when the row is marked.
        await ServiceMarks.SetAsync(state, ServiceRows.ResponseComing(response.Service), cancellationToken);
        try
        {
            await responses.AddEntityAsync(OpdrachtgeverRows.Response(response), cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<StoredResponse?> FindAsync(ServiceRef service, CancellationToken cancellationToken)
    {
        var found = await responses.GetEntityIfExistsAsync<TableEntity>(ServiceRows.Partition(service), service.ServiceId, cancellationToken: cancellationToken);
        return found.HasValue ? OpdrachtgeverRows.ReadResponse(service, found.Value!) : null;
    }

    IAsyncEnumerable<StoredResponse> IResponseStore.ForYearAsync(string company, int year, CancellationToken cancellationToken) =>
        ResponsesAsync(company, year, cancellationToken);

    private async Task<string> CompanyNameAsync(string companyId, CancellationToken cancellationToken)
    {
        if (companyNames.TryGetValue(companyId, out var name)) return name;
        var company = await companies.GetAsync(companyId, cancellationToken);
        return company is null ? companyId : companyNames.GetOrAdd(companyId, company.Name);
    }

    private static string PartitionFilter(string company, int year) =>
        $"PartitionKey eq {TableKeys.Quote(TableKeys.CompanyYear(company, year))}";
}
