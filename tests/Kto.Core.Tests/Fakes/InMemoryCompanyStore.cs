using Kto.Core.Companies;

namespace Kto.Core.Tests.Fakes;

/// <summary>Companies in a dictionary, for use-case tests without storage.</summary>
public sealed class InMemoryCompanyStore : ICompanyStore
{
    private readonly Dictionary<string, (Company Company, string KeyHash)> companies = new();

    public Task<bool> TryAddAsync(Company company, string keyHash, CancellationToken cancellationToken) =>
        Task.FromResult(companies.TryAdd(company.Id, (company, keyHash)));

    /// <summary>Throws, as Table storage does, for an id that cannot be a key (a '/', '\\', '#' or '?').</summary>
    public Task<Company?> GetAsync(string companyId, CancellationToken cancellationToken)
    {
        if (companyId.AsSpan().IndexOfAny("/\\#?") >= 0) throw new ArgumentException("Table keys cannot hold / \\ # or ?", nameof(companyId));
        return Task.FromResult(companies.TryGetValue(companyId, out var found) ? found.Company : null);
    }

    public Task<string?> GetKeyHashAsync(string companyId, CancellationToken cancellationToken) =>
        Task.FromResult(companies.TryGetValue(companyId, out var found) ? found.KeyHash : null);

    /// <summary>How often the list was read (pages read it on every view: a use case should not read it twice).</summary>
    public int ListReads { get; private set; }

    public Task<IReadOnlyList<Company>> ListAsync(CancellationToken cancellationToken)
    {
        ListReads++;
        return Task.FromResult<IReadOnlyList<Company>>(companies.Values.Select(c => c.Company).OrderBy(c => c.Id).ToList());
    }
}
