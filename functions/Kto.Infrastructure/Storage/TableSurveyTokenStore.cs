using Kto.Core.Survey;

namespace Kto.Infrastructure.Storage;

/// <summary>Token hashes to services (<see cref="TokenRows"/>); a row found is kept a while in <see cref="RecentTokens"/>.</summary>
public sealed class TableSurveyTokenStore(TableServiceClient tables, RecentTokens recent) : ISurveyTokenStore
{
    private readonly TableClient table = tables.GetTableClient(StorageNames.TokensTable);

    public Task SaveAsync(string tokenHash, ServiceRef service, TokenPurpose purpose, CancellationToken cancellationToken) =>
        table.UpsertEntityAsync(TokenRows.Write(tokenHash, service, purpose), TableUpdateMode.Replace, cancellationToken);

    /// <summary>Fresh tokens not handed out yet, by the partition of their hash (this store lives as long as the process).</summary>
    private readonly SurveyTokenPool pool = new();

    /// <summary>
    /// Tokens whose hashes share one partition per <see cref="FieldworkBatches.MaxPerTransaction"/> (whichever
    /// partition the pool fills first, so batches still spread over the 256), so <see cref="SaveAllAsync"/> writes a
    /// batch's tokens in one transaction instead of one request for nearly every token.
    /// </summary>
    public IReadOnlyList<(string Token, string Hash)> NewTokens(int count)
    {
        var made = new List<(string Token, string Hash)>(count);
        while (made.Count < count)
            made.AddRange(pool.Take(Math.Min(count - made.Count, FieldworkBatches.MaxPerTransaction)));
        return made;
    }

    /// <summary>One transaction per hash partition, the partitions a few at a time (a batch's hashes spread over 256).</summary>
    public async Task SaveAllAsync(IReadOnlyList<(string TokenHash, ServiceRef Service, TokenPurpose Purpose)> tokens, CancellationToken cancellationToken)
    {
        var groups = tokens.GroupBy(t => TokenRows.PartitionOf(t.TokenHash)).SelectMany(g => g.Chunk(FieldworkBatches.MaxPerTransaction));
        await Parallel.ForEachAsync(groups, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (group, ct) =>
        {
            if (group.Length == 1) await SaveAsync(group[0].TokenHash, group[0].Service, group[0].Purpose, ct);
            else await table.SubmitTransactionAsync(group.Select(t => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                TokenRows.Write(t.TokenHash, t.Service, t.Purpose))), ct);
        });
    }

    public async Task<ServiceRef?> FindAsync(string tokenHash, TokenPurpose purpose, CancellationToken cancellationToken)
    {
        if (tokenHash.Length < 2) return null;
        if (!recent.TryGet(tokenHash, out var service, out var stored))
        {
            var found = await table.GetEntityIfExistsAsync<TableEntity>(TokenRows.PartitionOf(tokenHash), tokenHash, cancellationToken: cancellationToken);
            if (!found.HasValue) return null;
            (service, stored) = TokenRows.Read(found.Value!);
            recent.Remember(tokenHash, service, stored);
        }
        return stored == purpose ? service : null;
    }
}
