using Azure;
using Kto.Core.Access;
using Kto.Core.Accounts;
using Kto.Infrastructure.Storage;

namespace Kto.Infrastructure.Portal;

/// <summary>Portal accounts in one partition, keyed by the SHA-256 of the address (an address may hold characters a key may not).</summary>
public sealed class TableUserStore(TableServiceClient tables) : IUserStore
{
    private const string Partition = "user";
    private readonly TableClient table = tables.GetTableClient(StorageNames.UsersTable);

    public async Task<bool> TryAddAsync(PortalUser user, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(new TableEntity(Partition, SecretKeys.Hash(user.Email))
            {
                ["Email"] = user.Email,
                ["Role"] = user.Role.ToString(),
                ["CompanyId"] = user.CompanyId,
                ["CreatedAt"] = user.CreatedAt,
                ["CreatedBy"] = user.CreatedBy,
                ["Name"] = user.Name,
            }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<PortalUser?> GetAsync(string email, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(Partition, SecretKeys.Hash(PortalUser.Normalize(email)), cancellationToken: cancellationToken);
        return response.HasValue ? ToUser(response.Value!) : null;
    }

    public async Task<bool> RemoveAsync(string email, CancellationToken cancellationToken)
    {
        var response = await table.DeleteEntityAsync(Partition, SecretKeys.Hash(PortalUser.Normalize(email)), ETag.All, cancellationToken);
        return response.Status != 404;
    }

    public async Task<IReadOnlyList<PortalUser>> ListAsync(CancellationToken cancellationToken)
    {
        var list = new List<PortalUser>();
        await foreach (var e in table.QueryAsync<TableEntity>($"PartitionKey eq '{Partition}'", cancellationToken: cancellationToken))
            list.Add(ToUser(e));
        return list.OrderBy(u => u.Role).ThenBy(u => u.CompanyId).ThenBy(u => u.Email, StringComparer.Ordinal).ToList();
    }

    public async Task<bool> SetDigestOptOutAsync(string email, bool optOut, CancellationToken cancellationToken)
    {
        try
        {
            // A merge of this one column with ETag *: only an existing row (a removed user is not brought back).
            await table.UpdateEntityAsync(new TableEntity(Partition, SecretKeys.Hash(PortalUser.Normalize(email))) { [DigestOptOutColumn] = optOut },
                ETag.All, TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    private const string DigestOptOutColumn = "DigestOptOut";

    private static PortalUser ToUser(TableEntity e) => new(
        e.GetString("Email"),
        Enum.Parse<UserRole>(e.GetString("Role")),
        e.GetString("CompanyId"),
        e.GetDateTimeOffset("CreatedAt") ?? default,
        e.GetString("CreatedBy") ?? "",
        e.GetString("Name"),
        e.GetBoolean(DigestOptOutColumn) ?? false);
}
