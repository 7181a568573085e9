namespace Kto.Core.Survey;

/// <summary>Where answers are kept: one response per service, the first one counts.</summary>
public interface IResponseStore
{
    /// <summary>
    /// Stores the response; false when this service already has one (nothing is changed then). The service is marked
    /// as one that may have a response before the response is added (<see cref="ServiceSnapshot.MayHaveResponse"/>).
    /// </summary>
    Task<bool> TryAddAsync(StoredResponse response, CancellationToken cancellationToken);

    /// <summary>The response of one service, or null when it has none.</summary>
    Task<StoredResponse?> FindAsync(ServiceRef service, CancellationToken cancellationToken);

    IAsyncEnumerable<StoredResponse> ForYearAsync(string company, int year, CancellationToken cancellationToken);
}
