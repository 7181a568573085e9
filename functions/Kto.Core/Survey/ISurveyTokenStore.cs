namespace Kto.Core.Survey;

/// <summary>Maps the hash of a personal link's token to its service, with what that token may do.</summary>
public interface ISurveyTokenStore
{
    Task SaveAsync(string tokenHash, ServiceRef service, TokenPurpose purpose, CancellationToken cancellationToken);

    /// <summary>The service of a token of this purpose; null when unknown or when the token has another purpose.</summary>
    Task<ServiceRef?> FindAsync(string tokenHash, TokenPurpose purpose, CancellationToken cancellationToken);

    /// <summary>A survey token (the questionnaire link).</summary>
    Task SaveAsync(string tokenHash, ServiceRef service, CancellationToken cancellationToken) =>
        SaveAsync(tokenHash, service, TokenPurpose.Survey, cancellationToken);

    /// <summary>The service of a survey token.</summary>
    Task<ServiceRef?> FindAsync(string tokenHash, CancellationToken cancellationToken) =>
        FindAsync(tokenHash, TokenPurpose.Survey, cancellationToken);
}
