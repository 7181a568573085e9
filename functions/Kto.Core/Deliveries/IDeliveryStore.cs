namespace Kto.Core.Deliveries;

/// <summary>
/// Where deliveries, the services they bring and their receipts are kept. Services are stored in two parts:
/// the pseudonymous service (perceel, dates, status) and the contact data, which is deleted sooner.
/// </summary>
public interface IDeliveryStore
{
    /// <summary>The ledger entry for a file's content, if this content was seen before.</summary>
    Task<DeliveryRecord?> FindDeliveryAsync(string company, string contentHash, CancellationToken cancellationToken);

    Task SaveDeliveryAsync(DeliveryRecord record, CancellationToken cancellationToken);

    /// <summary>Ledger entries of every company still in processing that started before <paramref name="startedBefore"/>.</summary>
    IAsyncEnumerable<DeliveryRecord> StalledDeliveriesAsync(DateTimeOffset startedBefore, CancellationToken cancellationToken);

    /// <summary>For every service already known for this company and year: its id and the delivery that brought it.</summary>
    Task<IReadOnlyDictionary<string, string>> KnownServicesAsync(string company, int year, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts services of one company and year with their contact data. Insert-only: a service (or contact row)
    /// that is already stored is left exactly as it is, so fieldwork state (steps sent, opt-out, response) and a
    /// purge of contact data survive any retry or re-upload.
    /// </summary>
    Task InsertServicesAsync(string company, int year, IReadOnlyList<NewService> services, CancellationToken cancellationToken);

    Task SaveReceiptAsync(Receipt receipt, CancellationToken cancellationToken);

    Task<Receipt?> GetReceiptAsync(string company, string file, CancellationToken cancellationToken);
}

/// <summary>A service about to be stored, with the delivery (content hash) that brought it.</summary>
public sealed record NewService(string Id, EndedService Service, string DeliveryId, DateTimeOffset ReceivedAt);

/// <summary>
/// One delivered file's content, by SHA-256: the unit of "the same delivery twice is one delivery".
/// <see cref="Attempts"/> counts the runs for <see cref="FileName"/> that started, so a file that keeps failing ends.
/// </summary>
public sealed record DeliveryRecord(
    string Company,
    string ContentHash,
    string FileName,
    string Status,
    int Rows,
    DateTimeOffset StartedAt,
    DateTimeOffset? CompletedAt,
    int Attempts = 1);
