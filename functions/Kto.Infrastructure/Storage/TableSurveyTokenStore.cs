using Azure.Data.Tables;
using Kto.Core.Survey;

namespace Kto.Infrastructure.Storage;

/// <summary>Token hashes to services. Partitioned by the hash's first two hex digits to spread the load.</summary>
public sealed class TableSurveyTokenStore(TableServiceClient tables) : ISurveyTokenStore
{
    private readonly TableClient table = tables.GetTableClient(StorageNames.TokensTable);

    public Task SaveAsync(string tokenHash, ServiceRef service, CancellationToken cancellationToken) =>
        table.UpsertEntityAsync(new TableEntity(tokenHash[..2], tokenHash)
        {
            ["Company"] = service.Company,
            ["Year"] = service.Year,
            ["ServiceId"] = service.ServiceId,
        }, TableUpdateMode.Replace, cancellationToken);

    public async Task<ServiceRef?> FindAsync(string tokenHash, CancellationToken cancellationToken)
    {
        if (tokenHash.Length < 2) return null;
        var found = await table.GetEntityIfExistsAsync<TableEntity>(tokenHash[..2], tokenHash, cancellationToken: cancellationToken);
        if (!found.HasValue) return null;
        var e = found.Value!;
        return new ServiceRef(e.GetString("Company"), e.GetInt32("Year") ?? 0, e.GetString("ServiceId"));
    }
}
