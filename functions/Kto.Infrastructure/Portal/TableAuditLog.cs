using Kto.Core.Accounts;
using Kto.Infrastructure.Storage;

namespace Kto.Infrastructure.Portal;

/// <summary>
/// The audit log: one partition per month, rows keyed newest first (inverted ticks), so "the most recent" is a
/// plain query. Entries are only ever added.
/// </summary>
public sealed class TableAuditLog(TableServiceClient tables, TimeProvider time) : IAuditLog
{
    private readonly TableClient table = tables.GetTableClient(StorageNames.AuditTable);

    public Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken) =>
        table.AddEntityAsync(new TableEntity(Month(entry.At), $"{DateTimeOffset.MaxValue.UtcTicks - entry.At.UtcTicks:D19}_{Guid.NewGuid():N}")
        {
            ["At"] = entry.At,
            ["Actor"] = entry.Actor,
            ["Action"] = entry.Action,
            ["Company"] = entry.Company,
            ["Detail"] = entry.Detail,
        }, cancellationToken);

    public async Task<IReadOnlyList<AuditEntry>> RecentAsync(int count, CancellationToken cancellationToken)
    {
        var list = new List<AuditEntry>();
        var month = time.GetUtcNow();
        // This month and the eleven before it, newest first, until enough are read.
        for (var i = 0; i < 12 && list.Count < count; i++, month = month.AddMonths(-1))
        {
            await foreach (var e in table.QueryAsync<TableEntity>($"PartitionKey eq '{Month(month)}'", maxPerPage: count, cancellationToken: cancellationToken))
            {
                list.Add(new AuditEntry(e.GetDateTimeOffset("At") ?? default, e.GetString("Actor"), e.GetString("Action"), e.GetString("Company"), e.GetString("Detail")));
                if (list.Count >= count) break;
            }
        }
        return list;
    }

    private static string Month(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}
