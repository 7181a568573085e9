using Azure.Data.Tables;
using Kto.Core.Survey;

namespace Kto.Infrastructure.Storage;

/// <summary>
/// Token hashes to services. Partitioned by the hash's first two hex digits to spread the load. Opt-out tokens
/// carry <c>Purpose = optout</c>; rows without it (all rows written before opt-out tokens existed) are survey tokens.
/// </summary>
public sealed class TableSurveyTokenStore(TableServiceClient tables) : ISurveyTokenStore
{
    private const string PurposeColumn = "Purpose";
    private const string OptOutPurpose = "optout";
    private readonly TableClient table = tables.GetTableClient(StorageNames.TokensTable);

    public Task SaveAsync(string tokenHash, ServiceRef service, TokenPurpose purpose, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(tokenHash[..2], tokenHash)
        {
            ["Company"] = service.Company,
            ["Year"] = service.Year,
            ["ServiceId"] = service.ServiceId,
        };
        if (purpose == TokenPurpose.OptOut) entity[PurposeColumn] = OptOutPurpose;
        return table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<ServiceRef?> FindAsync(string tokenHash, TokenPurpose purpose, CancellationToken cancellationToken)
    {
        if (tokenHash.Length < 2) return null;
        var found = await table.GetEntityIfExistsAsync<TableEntity>(tokenHash[..2], tokenHash, cancellationToken: cancellationToken);
        if (!found.HasValue) return null;
        var e = found.Value!;
        var stored = e.GetString(PurposeColumn) == OptOutPurpose ? TokenPurpose.OptOut : TokenPurpose.Survey;
        if (stored != purpose) return null;
        return new ServiceRef(e.GetString("Company"), e.GetInt32("Year") ?? 0, e.GetString("ServiceId"));
    }
}
