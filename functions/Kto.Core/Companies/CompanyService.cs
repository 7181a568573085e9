using Kto.Core.Access;

namespace Kto.Core.Companies;

/// <summary>Registering companies: the key is made here, returned once, and only its hash is stored.</summary>
public sealed class CompanyService(ICompanyStore store, TimeProvider time)
{
    public async Task<CompanyRegistration> RegisterAsync(string? id, string? name, CancellationToken cancellationToken)
    {
        if (!CompanyId.IsValid(id)) return CompanyRegistration.Failed(RegistrationError.InvalidId);
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200) return CompanyRegistration.Failed(RegistrationError.InvalidName);

        var company = new Company(id!, name.Trim(), time.GetUtcNow());
        var key = AccessService.NewCompanyKey(company.Id);
        return await store.TryAddAsync(company, SecretKeys.Hash(key), cancellationToken)
            ? new CompanyRegistration(company, key, null)
            : CompanyRegistration.Failed(RegistrationError.CompanyExists);
    }
}
