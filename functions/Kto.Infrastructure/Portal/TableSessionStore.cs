using Azure;
using Kto.Core.Accounts;
using Kto.Infrastructure.Storage;

namespace Kto.Infrastructure.Portal;

/// <summary>Portal sessions by the SHA-256 of their id, partitioned by its first two hex digits.</summary>
public sealed class TableSessionStore(TableServiceClient tables) : ISessionStore
{
    private readonly TableClient table = tables.GetTableClient(StorageNames.SessionsTable);

    public Task SaveAsync(PortalSession session, CancellationToken cancellationToken) =>
        table.UpsertEntityAsync(new TableEntity(session.IdHash[..2], session.IdHash)
        {
            ["Email"] = session.Email,
            ["CreatedAt"] = session.CreatedAt,
            ["LastSeenAt"] = session.LastSeenAt,
        }, TableUpdateMode.Replace, cancellationToken);

    public async Task<PortalSession?> GetAsync(string idHash, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(idHash[..2], idHash, cancellationToken: cancellationToken);
        if (!response.HasValue) return null;
        var e = response.Value!;
        return new PortalSession(idHash, e.GetString("Email"), e.GetDateTimeOffset("CreatedAt") ?? default, e.GetDateTimeOffset("LastSeenAt") ?? default);
    }

    public async Task TouchAsync(string idHash, DateTimeOffset lastSeenAt, CancellationToken cancellationToken)
    {
        try
        {
            // Merge with If-Match *: never brings back a session that sign-out just deleted.
            await table.UpdateEntityAsync(new TableEntity(idHash[..2], idHash) { ["LastSeenAt"] = lastSeenAt }, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    public Task DeleteAsync(string idHash, CancellationToken cancellationToken) =>
        table.DeleteEntityAsync(idHash[..2], idHash, ETag.All, cancellationToken);
}
