using Kto.Core.Survey;

namespace Kto.Core.Population;

/// <summary>The corrections of delivered services, insert-only, and the service as delivered.</summary>
public interface ICorrectionStore
{
    /// <summary>Every correction of one company and year (any order; callers sort by service and sequence).</summary>
    IAsyncEnumerable<ServiceCorrection> ForYearAsync(string company, int year, CancellationToken cancellationToken);

    /// <summary>The corrections of one service in sequence order.</summary>
    Task<IReadOnlyList<ServiceCorrection>> ForServiceAsync(ServiceRef service, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a correction; false when its sequence number is taken (someone corrected the service meanwhile). The service
    /// is marked as one that may have corrections before the correction is added (<see cref="ServiceSnapshot.MayHaveCorrections"/>).
    /// </summary>
    Task<bool> TryAddAsync(ServiceCorrection correction, CancellationToken cancellationToken);

    /// <summary>The service as delivered, with its klantnummer when the contact data still exists; null when unknown.</summary>
    Task<DeliveredService?> GetServiceAsync(ServiceRef service, CancellationToken cancellationToken);

    /// <summary>Every service of a company and year as delivered, with klantnummers (the bureau's page).</summary>
    IAsyncEnumerable<DeliveredService> ServicesAsync(string company, int year, CancellationToken cancellationToken);
}
