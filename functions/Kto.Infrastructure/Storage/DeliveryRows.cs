using Kto.Core.Deliveries;

namespace Kto.Infrastructure.Storage;

/// <summary>The one mapper of the deliveries ledger: one row per company (partition) and content hash (row key).</summary>
public static class DeliveryRows
{
    public const string FileName = "FileName";
    public const string Status = "Status";
    public const string Rows = "Rows";
    public const string StartedAt = "StartedAt";
    public const string CompletedAt = "CompletedAt";
    public const string Attempts = "Attempts";

    public static TableEntity Write(DeliveryRecord record) => new(record.Company, record.ContentHash)
    {
        [FileName] = record.FileName,
        [Status] = record.Status,
        [Rows] = record.Rows,
        [StartedAt] = record.StartedAt,
        [CompletedAt] = record.CompletedAt,
        [Attempts] = record.Attempts,
    };

    /// <summary>Rows written before attempts were counted had one run.</summary>
    public static DeliveryRecord Read(TableEntity e) =>
        new(e.PartitionKey, e.RowKey, e.GetString(FileName) ?? "", e.GetString(Status) ?? "",
            e.GetInt32(Rows) ?? 0, e.GetDateTimeOffset(StartedAt) ?? default, e.GetDateTimeOffset(CompletedAt),
            e.GetInt32(Attempts) ?? 1);
}
