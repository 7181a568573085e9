using Azure.Data.Tables;
using Kto.Core.Fieldwork;

namespace Kto.Infrastructure.Storage;

/// <summary>
/// Mail runs in one partition, newest first: the row key starts with the inverted start time (taken from the
/// run id), so "the last N runs" is the first N rows and a run is still found by its id alone.
/// </summary>
public sealed class TableMailRunLog(TableServiceClient tables) : IMailRunLog
{
    private const string Partition = "mail";
    private readonly TableClient table = tables.GetTableClient(StorageNames.MailRunsTable);

    public Task SaveAsync(MailRun run, CancellationToken cancellationToken) =>
        table.UpsertEntityAsync(ToEntity(run), TableUpdateMode.Replace, cancellationToken);

    public async Task<MailRun?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (RowKey(id) is not { } row) return null;
        var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition, row, cancellationToken: cancellationToken);
        return found.HasValue ? FromEntity(found.Value!) : null;
    }

    public async Task<IReadOnlyList<MailRun>> RecentAsync(int count, CancellationToken cancellationToken)
    {
        var runs = new List<MailRun>(count);
        await foreach (var e in table.QueryAsync<TableEntity>($"PartitionKey eq '{Partition}'", maxPerPage: count, cancellationToken: cancellationToken))
        {
            runs.Add(FromEntity(e));
            if (runs.Count == count) break;
        }
        return runs;
    }

    private static string? RowKey(string id) =>
        MailRunIds.TryReadStart(id, out var started) ? $"{DateTimeOffset.MaxValue.UtcTicks - started.UtcTicks:D19}_{id}" : null;

    private static TableEntity ToEntity(MailRun run) => new(Partition, RowKey(run.Id) ?? throw new ArgumentException("Not a run id.", nameof(run)))
    {
        ["Id"] = run.Id,
        ["Job"] = run.Job,
        ["At"] = run.At,
        ["Trigger"] = run.Trigger,
        ["Status"] = run.Status,
        ["StartedAt"] = run.StartedAt,
        ["UpdatedAt"] = run.UpdatedAt,
        ["FinishedAt"] = run.FinishedAt,
        ["Sent"] = run.Sent,
        ["Deferred"] = run.Deferred,
        ["Bounced"] = run.Bounced,
        ["Unknown"] = run.Unknown,
        ["SkippedBusy"] = run.SkippedBusy,
        ["Errors"] = run.Errors,
        ["Stopped"] = run.Stopped,
        ["NextRunAt"] = run.NextRunAt,
        ["Error"] = run.Error,
    };

    private static MailRun FromEntity(TableEntity e) => new(
        e.GetString("Id"), e.GetString("Job"), e.GetDateTimeOffset("At") ?? default, e.GetString("Trigger"), e.GetString("Status"),
        e.GetDateTimeOffset("StartedAt") ?? default, e.GetDateTimeOffset("UpdatedAt") ?? default, e.GetDateTimeOffset("FinishedAt"),
        e.GetInt32("Sent") ?? 0, e.GetInt32("Deferred") ?? 0, e.GetInt32("Bounced") ?? 0, e.GetInt32("Unknown") ?? 0,
        e.GetInt32("SkippedBusy") ?? 0, e.GetInt32("Errors") ?? 0, e.GetString("Stopped"), e.GetDateTimeOffset("NextRunAt"), e.GetString("Error"));
}
