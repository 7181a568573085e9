using Azure;
using Azure.Data.Tables;
using Kto.Core.Access;
using Kto.Core.Accounts;
using Kto.Infrastructure.Storage;

namespace Kto.Infrastructure.Portal;

/// <summary>
/// Sign-in links, partitioned by the SHA-256 of the address (so counting an address's links reads one partition)
/// and found by a second row keyed by the token's hash. Only hashes are stored, never the token.
/// </summary>
public sealed class TableSignInLinkStore(TableServiceClient tables) : ISignInLinkStore
{
    private const string LinkPartition = "link";
    private readonly TableClient table = tables.GetTableClient(StorageNames.SignInLinksTable);

    public async Task SaveAsync(string tokenHash, string email, DateTimeOffset createdAt, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        // The request row (for the rate limit) and the link row; the link row is what sign-in reads.
        await table.UpsertEntityAsync(new TableEntity(SecretKeys.Hash(email), tokenHash) { ["CreatedAt"] = createdAt }, cancellationToken: cancellationToken);
        await table.AddEntityAsync(new TableEntity(LinkPartition, tokenHash)
        {
            ["Email"] = email,
            ["CreatedAt"] = createdAt,
            ["ExpiresAt"] = expiresAt,
        }, cancellationToken);
    }

    public async Task<int> CountSinceAsync(string email, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var count = 0;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {SecretKeys.Hash(email)} and CreatedAt ge {since}");
        await foreach (var _ in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
            count++;
        return count;
    }

    public async Task<(SignInLinkUse Use, string? Email)> UseAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(LinkPartition, tokenHash, cancellationToken: cancellationToken);
        if (!response.HasValue) return (SignInLinkUse.Unknown, null);
        var link = response.Value!;
        if (link.GetDateTimeOffset("UsedAt") is not null) return (SignInLinkUse.AlreadyUsed, null);
        if (link.GetDateTimeOffset("ExpiresAt") is not { } expires || now >= expires) return (SignInLinkUse.Expired, null);
        link["UsedAt"] = now;
        try
        {
            // With the ETag read: of two concurrent uses only one succeeds.
            await table.UpdateEntityAsync(link, link.ETag, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return (SignInLinkUse.AlreadyUsed, null);
        }
        return (SignInLinkUse.Valid, link.GetString("Email"));
    }
}
