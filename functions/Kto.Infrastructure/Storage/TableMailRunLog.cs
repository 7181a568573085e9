using Kto.Core.Fieldwork;

namespace Kto.Infrastructure.Storage;

/// <summary>Mail runs in one partition, newest first (<see cref="MailRunRows"/>).</summary>
public sealed class TableMailRunLog(TableServiceClient tables) : IMailRunLog
{
    private readonly TableClient table = tables.GetTableClient(StorageNames.MailRunsTable);

    public Task SaveAsync(MailRun run, CancellationToken cancellationToken) =>
        table.UpsertEntityAsync(MailRunRows.Write(run), TableUpdateMode.Replace, cancellationToken);

    public async Task<MailRun?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (MailRunRows.RowKey(id) is not { } row) return null;
        var found = await table.GetEntityIfExistsAsync<TableEntity>(MailRunRows.Partition, row, cancellationToken: cancellationToken);
        return found.HasValue ? MailRunRows.Read(found.Value!) : null;
    }

    public async Task<IReadOnlyList<MailRun>> RecentAsync(int count, CancellationToken cancellationToken)
    {
        var runs = new List<MailRun>(count);
        await foreach (var e in table.QueryAsync<TableEntity>($"PartitionKey eq {TableKeys.Quote(MailRunRows.Partition)}", maxPerPage: count, cancellationToken: cancellationToken))
        {
            runs.Add(MailRunRows.Read(e));
            if (runs.Count == count) break;
        }
        return runs;
    }
}
