using Kto.Core.Deliveries;

namespace Kto.Core.Tests.Fakes;

/// <summary>The delivery ledger and receipts in memory; no client services (for opdrachtgever lists).</summary>
public sealed class InMemoryDeliveryLedger : IDeliveryStore
{
    public Dictionary<(string Company, string File), Receipt> Receipts { get; } = new();
    public Dictionary<(string Company, string Hash), DeliveryRecord> Deliveries { get; } = new();
    public int ServiceInserts { get; private set; }

    public Task SaveReceiptAsync(Receipt receipt, CancellationToken cancellationToken)
    {
        Receipts[(receipt.Company, receipt.File)] = receipt;
        return Task.CompletedTask;
    }

    public Task<Receipt?> GetReceiptAsync(string company, string file, CancellationToken cancellationToken) =>
        Task.FromResult(Receipts.GetValueOrDefault((company, file)));

    public Task<DeliveryRecord?> FindDeliveryAsync(string company, string contentHash, CancellationToken cancellationToken) =>
        Task.FromResult(Deliveries.GetValueOrDefault((company, contentHash)));

    public Task SaveDeliveryAsync(DeliveryRecord record, CancellationToken cancellationToken)
    {
        Deliveries[(record.Company, record.ContentHash)] = record;
        return Task.CompletedTask;
    }

    public IAsyncEnumerable<DeliveryRecord> StalledDeliveriesAsync(DateTimeOffset startedBefore, CancellationToken cancellationToken) =>
        AsyncEnumerable.Empty<DeliveryRecord>();

    public Task<IReadOnlyDictionary<string, string>> KnownServicesAsync(string company, int year, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());

    public Task InsertServicesAsync(string company, int year, IReadOnlyList<NewService> services, CancellationToken cancellationToken)
    {
        ServiceInserts += services.Count;
        return Task.CompletedTask;
    }
}
