namespace Kto.Core.Companies;

/// <summary>Where registered companies and the hashes of their keys are kept.</summary>
public interface ICompanyStore
{
    /// <summary>Adds the company; false when the id is taken (nothing is changed then).</summary>
    Task<bool> TryAddAsync(Company company, string keyHash, CancellationToken cancellationToken);

    Task<Company?> GetAsync(string companyId, CancellationToken cancellationToken);

    /// <summary>The stored SHA-256 of the company key, or null for an unknown company.</summary>
    Task<string?> GetKeyHashAsync(string companyId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Company>> ListAsync(CancellationToken cancellationToken);
}
