namespace Kto.Core.Survey;

/// <summary>Maps the hash of a personal link's token to its service, with what that token may do.</summary>
public interface ISurveyTokenStore
{
    Task SaveAsync(string tokenHash, ServiceRef service, TokenPurpose purpose, CancellationToken cancellationToken);

    /// <summary>
    /// <paramref name="count"/> fresh tokens for one mail batch, to save with <see cref="SaveAllAsync"/>. A store that
    /// partitions tokens by their hash makes tokens it can save together (the Table store: up to a transaction's 100
    /// in one partition); this default makes them with <see cref="SurveyToken.New()"/>.
    /// </summary>
    IReadOnlyList<(string Token, string Hash)> NewTokens(int count) =>
        Enumerable.Range(0, count).Select(_ => SurveyToken.New()).ToList();

    /// <summary>
    /// Saves the tokens of a mail batch. A store that can writes them together (the Table store: one transaction per
    /// partition, the partitions at once); this default saves one by one. Throws when any failed; saving again is harmless.
    /// </summary>
    async Task SaveAllAsync(IReadOnlyList<(string TokenHash, ServiceRef Service, TokenPurpose Purpose)> tokens, CancellationToken cancellationToken)
    {
        foreach (var (hash, service, purpose) in tokens) await SaveAsync(hash, service, purpose, cancellationToken);
    }

    /// <summary>The service of a token of this purpose; null when unknown or when the token has another purpose.</summary>
    Task<ServiceRef?> FindAsync(string tokenHash, TokenPurpose purpose, CancellationToken cancellationToken);

    /// <summary>A survey token (the questionnaire link).</summary>
    Task SaveAsync(string tokenHash, ServiceRef service, CancellationToken cancellationToken) =>
        SaveAsync(tokenHash, service, TokenPurpose.Survey, cancellationToken);

    /// <summary>The service of a survey token.</summary>
    Task<ServiceRef?> FindAsync(string tokenHash, CancellationToken cancellationToken) =>
        FindAsync(tokenHash, TokenPurpose.Survey, cancellationToken);
}
