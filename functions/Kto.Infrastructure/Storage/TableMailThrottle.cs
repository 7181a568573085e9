using Azure;
using Kto.Core.Fieldwork;
using Kto.Core.Settings;

namespace Kto.Infrastructure.Storage;

/// <summary>
/// The send throttle shared by every run and instance: one row holds the send times of the last hour
/// (<see cref="SendTimesColumns"/>), and a slot is reserved by writing it back with its ETag, so two runs can
/// never both take the last free slot.
/// </summary>
public sealed class TableMailThrottle(TableServiceClient tables, MailSettings settings, TimeProvider time) : IMailThrottle
{
    private const string Partition = "mail-throttle";
    private const string Row = "sends";
    private readonly TableClient table = tables.GetTableClient(StorageNames.JobStateTable);
    private readonly SendWindow window = settings.MaxPerHour <= SendTimesColumns.MaxSends
        ? new(settings.MaxPerMinute, settings.MaxPerHour)
        : throw new ArgumentOutOfRangeException(nameof(settings),
            $"Kto:Mail:MaxPerHour is {settings.MaxPerHour}; the throttle keeps at most {SendTimesColumns.MaxSends} send times an hour.");

    public async Task<ThrottleUse> CurrentUseAsync(CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: cancellationToken);
        return window.Use(found.HasValue ? SendTimesColumns.Read(found.Value!) : [], time.GetUtcNow());
    }

    public async Task<TimeSpan?> TryReserveAsync(CancellationToken cancellationToken) =>
        (await TryReserveAsync(1, cancellationToken)).Wait;

    /// <summary>
    /// Up to <paramref name="wanted"/> slots in one read and one write: as many as both windows leave free now, all
    /// stamped now, written back with the ETag read, so two runs together never take more than the limits allow.
    /// </summary>
    public async Task<ThrottleGrant> TryReserveAsync(int wanted, CancellationToken cancellationToken)
    {
        if (wanted <= 0) return new ThrottleGrant(0, null);
        // First with the row as this throttle last wrote it, without reading it again: the ETag makes the write fail
        // when anyone wrote since, and then the row is read as always. One request a batch instead of two.
        var row = lastWritten;
        while (true)
        {
            var now = time.GetUtcNow();
            if (row is null)
            {
                var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: cancellationToken);
                row = new Stored(found.HasValue ? SendTimesColumns.Read(found.Value!) : [], found.HasValue ? found.Value!.ETag : null, Read: true);
            }
            var slots = Math.Min(wanted, window.Free(row.Sends, now));
            if (slots == 0)
            {
                // Full by what this throttle wrote: other runs can only have added sends, but read to give the right wait.
                if (!row.Read) { row = null; continue; }
                return new ThrottleGrant(0, window.WaitBeforeNext(row.Sends, now) ?? TimeSpan.Zero);
            }

            var sends = SendWindow.Prune(row.Sends, now).Concat(Enumerable.Repeat(now, slots)).ToList();
            var entity = new TableEntity(Partition, Row);
            SendTimesColumns.Write(entity, sends);
            try
            {
                var written = row.ETag is { } etag
                    ? await table.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, cancellationToken)
                    : await table.AddEntityAsync(entity, cancellationToken);
                lastWritten = new Stored(sends, written.Headers.ETag, Read: false);
                return new ThrottleGrant(slots, null, window.Free(sends, now));
            }
            catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
            {
                // Another run took slots since (or the row was removed): look again.
                row = null;
            }
        }
    }

    /// <summary>The send times in the row and its ETag; <paramref name="Read"/> when read now rather than remembered.</summary>
    private sealed record Stored(IReadOnlyList<DateTimeOffset> Sends, ETag? ETag, bool Read);

    /// <summary>The row as this throttle last wrote it (a singleton: every run in this process shares it).</summary>
    private volatile Stored? lastWritten;
}
