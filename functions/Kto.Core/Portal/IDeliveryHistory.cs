namespace Kto.Core.Portal;

/// <summary>Every file a company delivered that still has a receipt or is being processed, newest first.</summary>
public interface IDeliveryHistory
{
    Task<IReadOnlyList<DeliveryEntry>> ListAsync(string company, CancellationToken cancellationToken);
}
