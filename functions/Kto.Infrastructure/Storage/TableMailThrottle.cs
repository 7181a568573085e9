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
        while (true)
        {
            var now = time.GetUtcNow();
            var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: cancellationToken);
            var sends = found.HasValue ? SendTimesColumns.Read(found.Value!) : [];
            var slots = Math.Min(wanted, window.Free(sends, now));
            if (slots == 0) return new ThrottleGrant(0, window.WaitBeforeNext(sends, now) ?? TimeSpan.Zero);

            var entity = new TableEntity(Partition, Row);
            SendTimesColumns.Write(entity, SendWindow.Prune(sends, now).Concat(Enumerable.Repeat(now, slots)));
            try
            {
                if (found.HasValue) await table.UpdateEntityAsync(entity, found.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                else await table.AddEntityAsync(entity, cancellationToken);
                return new ThrottleGrant(slots, null);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another run took slots at the same moment: look again.
            }
        }
    }
}
