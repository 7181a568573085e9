namespace Kto.Core.Survey;

/// <summary>Maps the hash of a personal link's token to its service.</summary>
public interface ISurveyTokenStore
{
    Task SaveAsync(string tokenHash, ServiceRef service, CancellationToken cancellationToken);

    Task<ServiceRef?> FindAsync(string tokenHash, CancellationToken cancellationToken);
}
