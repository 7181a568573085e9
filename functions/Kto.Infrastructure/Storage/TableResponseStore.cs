using System.Runtime.CompilerServices;
using Azure;
using Kto.Core;
using Kto.Core.Survey;

namespace Kto.Infrastructure.Storage;

/// <summary>
/// Responses, one row per service (the row key is the service id, so a second answer cannot be added: storage
/// itself enforces "the first answer counts"). No contact data here. The service row is marked before a response is
/// added (<see cref="ServiceColumns.MayHaveResponse"/>), so the questionnaire page need not look here for an unmarked one.
/// </summary>
public sealed class TableResponseStore(TableServiceClient tables) : IResponseStore
{
    private readonly TableClient table = tables.GetTableClient(StorageNames.ResponsesTable);
    private readonly TableClient services = tables.GetTableClient(StorageNames.ServicesTable);

    public async Task<bool> TryAddAsync(StoredResponse response, CancellationToken cancellationToken)
    {
        await ServiceMarks.SetAsync(services, ServiceRows.ResponseComing(response.Service), cancellationToken);
        try
        {
            await table.AddEntityAsync(ResponseRows.Write(response), cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<StoredResponse?> FindAsync(ServiceRef service, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.CompanyYear(service.Company, service.Year), service.ServiceId, cancellationToken: cancellationToken);
        return found.HasValue ? ResponseRows.Read(service, found.Value!) : null;
    }

    public async IAsyncEnumerable<StoredResponse> ForYearAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = $"PartitionKey eq {TableKeys.Quote(TableKeys.CompanyYear(company, year))}";
        await foreach (var e in table.QueryAsync<TableEntity>(filter, select: ResponseRows.Columns, cancellationToken: cancellationToken))
            yield return ResponseRows.Read(new ServiceRef(company, year, e.RowKey), e);
    }
}
