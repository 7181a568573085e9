using Kto.Core.Survey;

namespace Kto.Core.Tests.Fakes;

/// <summary>Tokens in a list, counting calls (a batch save is one call).</summary>
public sealed class CountingTokenStore : ISurveyTokenStore
{
    public List<(string Hash, ServiceRef Service, TokenPurpose Purpose)> Saved { get; } = [];
    public int Calls { get; private set; }

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
