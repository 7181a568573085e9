using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Kto.Core;
using Kto.Core.Questionnaires;
using Kto.Core.Survey;

namespace Kto.Infrastructure.Storage;

/// <summary>
/// Responses, one row per service (the row key is the service id, so a second answer cannot be added: storage
/// itself enforces "the first answer counts"). No contact data here.
/// </summary>
public sealed class TableResponseStore(TableServiceClient tables) : IResponseStore
{
    private readonly TableClient table = tables.GetTableClient(StorageNames.ResponsesTable);

    public async Task<bool> TryAddAsync(StoredResponse response, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(Entity(response), cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>The responses row of one response (public so bulk loaders write exactly what the store writes).</summary>
    public static TableEntity Entity(StoredResponse response) =>
        new(TableKeys.CompanyYear(response.Service.Company, response.Service.Year), response.Service.ServiceId)
        {
            ["Perceel"] = response.Perceel.ToString(),
            ["Version"] = response.Answers.Version,
            ["Answers"] = JsonSerializer.Serialize(response.Answers.Values, KtoJson.Options),
            ["SubmittedAt"] = response.SubmittedAt,
        };

    public async Task<StoredResponse?> FindAsync(ServiceRef service, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.CompanyYear(service.Company, service.Year), service.ServiceId, cancellationToken: cancellationToken);
        return found.HasValue ? ToResponse(service, found.Value!) : null;
    }

    public async IAsyncEnumerable<StoredResponse> ForYearAsync(string company, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = $"PartitionKey eq {TableKeys.Quote(TableKeys.CompanyYear(company, year))}";
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            yield return ToResponse(new ServiceRef(company, year, e.RowKey), e);
    }

    private static StoredResponse ToResponse(ServiceRef service, TableEntity e)
    {
        var values = JsonSerializer.Deserialize<Dictionary<string, AnswerValue>>(e.GetString("Answers"), KtoJson.Options) ?? [];
        return new StoredResponse(service,
            Enum.Parse<Perceel>(e.GetString("Perceel")),
            new Answers(e.GetString("Version"), values),
            e.GetDateTimeOffset("SubmittedAt") ?? default);
    }
}
