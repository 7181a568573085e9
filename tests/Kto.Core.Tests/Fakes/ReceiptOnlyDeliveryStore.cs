using Kto.Core.Deliveries;

namespace Kto.Core.Tests.Fakes;

/// <summary>Keeps receipts only: enough for use cases that refuse a file before anything is ingested.</summary>
public sealed class ReceiptOnlyDeliveryStore : IDeliveryStore
{
    public Dictionary<(string Company, string File), Receipt> Receipts { get; } = new();

    public Task SaveReceiptAsync(Receipt receipt, CancellationToken cancellationToken)
    {
        Receipts[(receipt.Company, receipt.File)] = receipt;
        return Task.CompletedTask;
    }

    public Task<Receipt?> GetReceiptAsync(string company, string file, CancellationToken cancellationToken) =>
        Task.FromResult(Receipts.GetValueOrDefault((company, file)));

    public Task<DeliveryRecord?> FindDeliveryAsync(string company, string contentHash, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task SaveDeliveryAsync(DeliveryRecord record, CancellationToken cancellationToken) => throw new NotSupportedException();
    public IAsyncEnumerable<DeliveryRecord> StalledDeliveriesAsync(DateTimeOffset startedBefore, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyDictionary<string, string>> KnownServicesAsync(string company, int year, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task InsertServicesAsync(string company, int year, IReadOnlyList<NewService> services, CancellationToken cancellationToken) => throw new NotSupportedException();
}
