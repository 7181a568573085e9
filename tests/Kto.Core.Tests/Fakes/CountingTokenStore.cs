using Kto.Core.Survey;

namespace Kto.Core.Tests.Fakes;

/// <summary>Tokens in a list, counting calls (a batch save is one call) and keeping the tokens it made, per request.</summary>
public sealed class CountingTokenStore : ISurveyTokenStore
{
    public List<(string Hash, ServiceRef Service, TokenPurpose Purpose)> Saved { get; } = [];
    public int Calls { get; private set; }
    public List<IReadOnlyList<(string Token, string Hash)>> Made { get; } = [];

    public IReadOnlyList<(string Token, string Hash)> NewTokens(int count)
    {
        var made = Enumerable.Range(0, count).Select(_ => SurveyToken.New()).ToList();
        Made.Add(made);
        return made;
    }

    public Task SaveAsync(string tokenHash, ServiceRef service, TokenPurpose purpose, CancellationToken cancellationToken)
    {
        Calls++;
        Saved.Add((tokenHash, service, purpose));
        return Task.CompletedTask;
    }

    public Task SaveAllAsync(IReadOnlyList<(string TokenHash, ServiceRef Service, TokenPurpose Purpose)> tokens, CancellationToken cancellationToken)
    {
        Calls++;
        Saved.AddRange(tokens);
        return Task.CompletedTask;
    }

    public Task<ServiceRef?> FindAsync(string tokenHash, TokenPurpose purpose, CancellationToken cancellationToken) =>
        Task.FromResult(Saved.Where(t => t.Hash == tokenHash && t.Purpose == purpose).Select(t => (ServiceRef?)t.Service).FirstOrDefault());
}
