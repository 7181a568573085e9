using Azure.Data.Tables;
using Kto.Core.Survey;

namespace Kto.Infrastructure.Storage;

/// <summary>Token hashes to services (<see cref="TokenRows"/>).</summary>
public sealed class TableSurveyTokenStore(TableServiceClient tables) : ISurveyTokenStore
{
    private readonly TableClient table = tables.GetTableClient(StorageNames.TokensTable);

    public Task SaveAsync(string tokenHash, ServiceRef service, TokenPurpose purpose, CancellationToken cancellationToken) =>
        table.UpsertEntityAsync(TokenRows.Write(tokenHash, service, purpose), TableUpdateMode.Replace, cancellationToken);

    public async Task<ServiceRef?> FindAsync(string tokenHash, TokenPurpose purpose, CancellationToken cancellationToken)
    {
        if (tokenHash.Length < 2) return null;
        var found = await table.GetEntityIfExistsAsync<TableEntity>(TokenRows.PartitionOf(tokenHash), tokenHash, cancellationToken: cancellationToken);
        if (!found.HasValue) return null;
        var (service, stored) = TokenRows.Read(found.Value!);
        return stored == purpose ? service : null;
    }
}
