using Kto.Core.Deliveries;

namespace Kto.Core.Operations;

/// <summary>The deliveries ledger's failed entries: files whose processing ended in a refusal part way or <c>ingest-failed</c>.</summary>
public interface IFailedDeliveries
{
    /// <summary>Every company's deliveries that ended <see cref="DeliveryStatus.Failed"/> at or after <paramref name="since"/>.</summary>
    Task<IReadOnlyList<DeliveryRecord>> SinceAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
