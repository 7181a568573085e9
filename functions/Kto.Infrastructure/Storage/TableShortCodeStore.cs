using Azure;
using Kto.Core.Letters;
using Kto.Core.Survey;

namespace Kto.Infrastructure.Storage;

/// <summary>Short-code hashes to services, as rows of the tokens table with purpose <c>code</c> (<see cref="TokenRows"/>).</summary>
public sealed class TableShortCodeStore(TableServiceClient tables) : IShortCodeStore
{
    private readonly TableClient table = tables.GetTableClient(StorageNames.TokensTable);

    public async Task<bool> TryAddAsync(string codeHash, ServiceRef service, CancellationToken cancellationToken)
    {
        try
        {
            // Insert, never upsert: a hash taken by another client's code must not be moved to this client.
            await table.AddEntityAsync(TokenRows.Write(codeHash, service, TokenPurpose.ShortCode), cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<ServiceRef?> FindAsync(string codeHash, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(TokenRows.PartitionOf(codeHash), codeHash, cancellationToken: cancellationToken);
        if (!found.HasValue) return null;
        var (service, purpose) = TokenRows.Read(found.Value!);
        return purpose == TokenPurpose.ShortCode ? service : null;
    }
}
