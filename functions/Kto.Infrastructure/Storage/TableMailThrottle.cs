using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Kto.Core.Fieldwork;
using Kto.Core.Settings;

namespace Kto.Infrastructure.Storage;

/// <summary>
/// The send throttle shared by every run and instance: one row holds the send times of the last hour, and a slot
/// is reserved by writing it back with its ETag, so two runs can never both take the last free slot.
/// </summary>
public sealed class TableMailThrottle(TableServiceClient tables, MailSettings settings, TimeProvider time) : IMailThrottle
{
    private const string Partition = "mail-throttle";
    private const string Row = "sends";
    private readonly TableClient table = tables.GetTableClient(StorageNames.JobStateTable);
    private readonly SendWindow window = new(settings.MaxPerMinute, settings.MaxPerHour);

    public async Task<TimeSpan?> TryReserveAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var now = time.GetUtcNow();
            var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: cancellationToken);
            var sends = found.HasValue ? Parse(found.Value!.GetString("Sends")) : [];
            if (window.WaitBeforeNext(sends, now) is { } wait) return wait;

            var entity = new TableEntity(Partition, Row) { ["Sends"] = Format(SendWindow.Prune(sends, now).Append(now)) };
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

    private static List<DateTimeOffset> Parse(string? text) =>
        string.IsNullOrEmpty(text) ? [] :
        text.Split(',').Select(t => DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(t, CultureInfo.InvariantCulture))).ToList();

    private static string Format(IEnumerable<DateTimeOffset> sends) =>
        string.Join(',', sends.Select(t => t.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)));
}
