using System.Runtime.CompilerServices;
using Kto.Core.Deliveries;

namespace Kto.Core.Tests.Fakes;

/// <summary>
/// Ledger, services and receipts in memory, insert-only like the table store. <see cref="BeforeInsert"/> lets a test
/// act out storage failing on the n-th insert (1-based) of a run; <see cref="AfterSaveDelivery"/> lets it act between
/// ledger writes (the first marks a run as processing, after the file was inspected and before its rows are read).
/// </summary>
public sealed class InMemoryDeliveryStore : IDeliveryStore
{
    public Dictionary<(string Company, string File), Receipt> Receipts { get; } = new();
    public Dictionary<(string Company, string Hash), DeliveryRecord> Deliveries { get; } = new();

    /// <summary>Every ledger write in order, so a test can see the run was marked as processing before it stored anything.</summary>
    public List<DeliveryRecord> LedgerWrites { get; } = [];

    public Dictionary<(string Company, int Year, string Id), NewService> Services { get; } = new();

    /// <summary>The size of every insert call, per year, in order.</summary>
    public List<(int Year, int Count)> Inserts { get; } = [];

    public Func<int, Task>? BeforeInsert { get; set; }

    public Action<DeliveryRecord>? AfterSaveDelivery { get; set; }

    /// <summary>The cut-off the last <see cref="StalledDeliveriesAsync"/> was asked for.</summary>
    public DateTimeOffset? AskedStalledBefore { get; private set; }

    public Task<DeliveryRecord?> FindDeliveryAsync(string company, string contentHash, CancellationToken cancellationToken) =>
        Task.FromResult(Deliveries.GetValueOrDefault((company, contentHash)));

    public Task SaveDeliveryAsync(DeliveryRecord record, CancellationToken cancellationToken)
    {
        Deliveries[(record.Company, record.ContentHash)] = record;
        LedgerWrites.Add(record);
        AfterSaveDelivery?.Invoke(record);
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<DeliveryRecord> StalledDeliveriesAsync(DateTimeOffset startedBefore,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        AskedStalledBefore = startedBefore;
        foreach (var record in Deliveries.Values.Where(d => d.Status == DeliveryStatus.Processing && d.StartedAt < startedBefore).ToList())
            yield return record;
        await Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<string, string>> KnownServicesAsync(string company, int year, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(Services.Where(s => s.Key.Company == company && s.Key.Year == year)
            .ToDictionary(s => s.Key.Id, s => s.Value.DeliveryId));

    public async Task InsertServicesAsync(string company, int year, IReadOnlyList<NewService> services, CancellationToken cancellationToken)
    {
        if (BeforeInsert is { } fault) await fault(Inserts.Count + 1);
        Inserts.Add((year, services.Count));
        foreach (var service in services) Services.TryAdd((company, year, service.Id), service);
    }

    public Task SaveReceiptAsync(Receipt receipt, CancellationToken cancellationToken)
    {
        Receipts[(receipt.Company, receipt.File)] = receipt;
        return Task.CompletedTask;
    }

    public Task<Receipt?> GetReceiptAsync(string company, string file, CancellationToken cancellationToken) =>
        Task.FromResult(Receipts.GetValueOrDefault((company, file)));
}
