using System.Collections.Concurrent;
using Kto.Core.Deliveries;

namespace Kto.Functions.Tests.Support;

/// <summary>
/// Fault injection for ingest, per company (tests share one stack): what happens before the real store inserts a
/// batch (throw, or wait for a gate), and how often ingest looked a delivery up (a run started).
/// </summary>
public sealed class DeliveryFaults
{
    private readonly ConcurrentDictionary<string, Func<int, Task>> beforeInsert = new();
    private readonly ConcurrentDictionary<string, int> inserts = new();
    private readonly ConcurrentDictionary<string, int> runs = new();

    /// <summary>Runs before the company's n-th insert call (1-based, counted over every run).</summary>
    public void BeforeInsert(string company, Func<int, Task> action) => beforeInsert[company] = action;

    public void Clear(string company) => beforeInsert.TryRemove(company, out _);

    public int Inserts(string company) => inserts.GetValueOrDefault(company);

    /// <summary>How many ingest runs started for the company (each begins by looking up the delivery).</summary>
    public int Runs(string company) => runs.GetValueOrDefault(company);

    internal Task OnInsertAsync(string company)
    {
        var n = inserts.AddOrUpdate(company, 1, (_, c) => c + 1);
        return beforeInsert.TryGetValue(company, out var action) ? action(n) : Task.CompletedTask;
    }

    internal void OnRun(string company) => runs.AddOrUpdate(company, 1, (_, c) => c + 1);
}

/// <summary>The real store with <see cref="DeliveryFaults"/> in front of it.</summary>
public sealed class FaultInjectingDeliveryStore(IDeliveryStore inner, DeliveryFaults faults) : IDeliveryStore
{
    public Task<DeliveryRecord?> FindDeliveryAsync(string company, string contentHash, CancellationToken cancellationToken)
    {
        faults.OnRun(company);
        return inner.FindDeliveryAsync(company, contentHash, cancellationToken);
    }

    public Task SaveDeliveryAsync(DeliveryRecord record, CancellationToken cancellationToken) =>
        inner.SaveDeliveryAsync(record, cancellationToken);

    public IAsyncEnumerable<DeliveryRecord> StalledDeliveriesAsync(DateTimeOffset startedBefore, CancellationToken cancellationToken) =>
        inner.StalledDeliveriesAsync(startedBefore, cancellationToken);

    public Task<IReadOnlyDictionary<string, string>> KnownServicesAsync(string company, int year, CancellationToken cancellationToken) =>
        inner.KnownServicesAsync(company, year, cancellationToken);

    public async Task InsertServicesAsync(string company, int year, IReadOnlyList<NewService> services, CancellationToken cancellationToken)
    {
        await faults.OnInsertAsync(company);
        await inner.InsertServicesAsync(company, year, services, cancellationToken);
    }

    public Task SaveReceiptAsync(Receipt receipt, CancellationToken cancellationToken) => inner.SaveReceiptAsync(receipt, cancellationToken);

    public Task<Receipt?> GetReceiptAsync(string company, string file, CancellationToken cancellationToken) =>
        inner.GetReceiptAsync(company, file, cancellationToken);
}
