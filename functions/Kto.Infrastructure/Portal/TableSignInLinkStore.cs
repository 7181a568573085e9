using Azure;
using Kto.Core.Access;
using Kto.Core.Accounts;
using Kto.Infrastructure.Storage;

namespace Kto.Infrastructure.Portal;

/// <summary>
/// Sign-in links (partition <c>link</c>, by the SHA-256 of the token; never the token), the requests per address
/// (partition = SHA-256 of the address, for the hourly limit), the per-source counters (partition <c>source</c>, one
/// row per source key and minute, changed with its ETag) and the mail queue (partition <c>outbox</c>: the address
/// until its mail is sent, usually seconds).
/// </summary>
public sealed class TableSignInLinkStore(TableServiceClient tables) : ISignInLinkStore
{
    private const string LinkPartition = "link";
    private const string SourcePartition = "source";
    private const string OutboxPartition = "outbox";
    /// <summary>Counter updates that lost to another instance are tried again this often, then the request is refused.</summary>
    private const int MaxCountTries = 60;
    private readonly TableClient table = tables.GetTableClient(StorageNames.SignInLinksTable);

    public async Task SaveAsync(string tokenHash, string email, DateTimeOffset createdAt, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await table.AddEntityAsync(new TableEntity(LinkPartition, tokenHash)
        {
            ["Email"] = email,
            ["CreatedAt"] = createdAt,
            ["ExpiresAt"] = expiresAt,
        }, cancellationToken);
    }

    public Task RecordRequestAsync(string email, DateTimeOffset at, CancellationToken cancellationToken) =>
        table.AddEntityAsync(new TableEntity(SecretKeys.Hash(email), $"{at.UtcTicks:D19}_{Guid.NewGuid():N}") { ["CreatedAt"] = at }, cancellationToken);

    public async Task<int> CountSinceAsync(string email, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var count = 0;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {SecretKeys.Hash(email)} and CreatedAt ge {since}");
        await foreach (var _ in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
            count++;
        return count;
    }

    public async Task<bool> TryCountSourceAsync(string sourceKey, DateTimeOffset window, int limit, CancellationToken cancellationToken)
    {
        var rowKey = $"{sourceKey}_{window.UtcTicks:D19}";
        for (var attempt = 0; attempt < MaxCountTries; attempt++)
        {
            var found = await table.GetEntityIfExistsAsync<TableEntity>(SourcePartition, rowKey, cancellationToken: cancellationToken);
            try
            {
                if (!found.HasValue)
                {
                    await table.AddEntityAsync(new TableEntity(SourcePartition, rowKey) { ["Count"] = 1, ["Window"] = window }, cancellationToken);
                    return limit > 0;
                }
                var counter = found.Value!;
                var count = counter.GetInt32("Count") ?? 0;
                if (count >= limit) return false;
                counter["Count"] = count + 1;
                await table.UpdateEntityAsync(counter, counter.ETag, TableUpdateMode.Merge, cancellationToken);
                return true;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another request counted first: read the new count and try again.
            }
        }
        return false;
    }

    public async Task<string> EnqueueMailAsync(string email, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var id = $"{at.UtcTicks:D19}_{Guid.NewGuid():N}";
        await table.AddEntityAsync(new TableEntity(OutboxPartition, id) { ["Email"] = email, ["CreatedAt"] = at }, cancellationToken);
        return id;
    }

    public async Task<QueuedSignInMail?> ClaimMailAsync(string id, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        if (id.Length > 100 || id.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '_')) return null;
        var found = await table.GetEntityIfExistsAsync<TableEntity>(OutboxPartition, id, cancellationToken: cancellationToken);
        if (!found.HasValue) return null;
        var row = found.Value!;
        if (row.GetDateTimeOffset("ClaimedUntil") is { } claimed && claimed > now) return null;
        row["ClaimedUntil"] = until;
        try
        {
            // With the ETag read: of two senders only one takes the mail.
            await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return null;
        }
        return new QueuedSignInMail(id, row.GetString("Email") ?? "", row.GetDateTimeOffset("CreatedAt") ?? now);
    }

    public async Task CompleteMailAsync(string id, CancellationToken cancellationToken) =>
        await table.DeleteEntityAsync(OutboxPartition, id, ETag.All, cancellationToken);

    public async Task<IReadOnlyList<string>> QueuedMailsAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {OutboxPartition} and CreatedAt lt {before}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
            ids.Add(row.RowKey);
        return ids;
    }

    public async Task PurgeSourceCountsAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {SourcePartition} and Window lt {before}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
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
