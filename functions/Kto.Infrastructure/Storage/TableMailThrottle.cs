using Azure;
using Azure.Data.Tables;
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

    public async Task<TimeSpan?> TryReserveAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var now = time.GetUtcNow();
            var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: cancellationToken);
            var sends = found.HasValue ? SendTimesColumns.Read(found.Value!) : [];
            if (window.WaitBeforeNext(sends, now) is { } wait) return wait;

            var entity = new TableEntity(Partition, Row);
            SendTimesColumns.Write(entity, SendWindow.Prune(sends, now).Append(now));
            try
            {
                if (found.HasValue) await table.UpdateEntityAsync(entity, found.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                else await table.AddEntityAsync(entity, cancellationToken);
                return null;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another run took a slot at the same moment: look again.
            }
        }
    }
}
