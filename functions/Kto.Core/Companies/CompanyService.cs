using Kto.Core.Access;

namespace Kto.Core.Companies;

/// <summary>Registering companies: the key is made here, returned once, and only its hash is stored.</summary>
public sealed class CompanyService(ICompanyStore store, TimeProvider time)
{
    public async Task<CompanyRegistration> RegisterAsync(string? id, string? name, CancellationToken cancellationToken)
    {
        if (!CompanyId.IsValid(id))
            return CompanyRegistration.Failed("invalid-id",
                "Gebruik voor de id 2 tot 40 kleine letters, cijfers of streepjes, bijvoorbeeld 'acme'.");
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
            return CompanyRegistration.Failed("invalid-name", "Geef de naam van het bedrijf op (hoogstens 200 tekens).");

        var company = new Company(id!, name.Trim(), time.GetUtcNow());
        var key = AccessService.NewCompanyKey(company.Id);
        return await store.TryAddAsync(company, SecretKeys.Hash(key), cancellationToken)
            ? new CompanyRegistration(company, key, null, null)
            : CompanyRegistration.Failed("company-exists", $"Er is al een bedrijf met id '{company.Id}'.");
    }
}

/// <summary>The outcome of a registration: the company and its key (shown once), or an error.</summary>
public sealed record CompanyRegistration(Company? Company, string? Key, string? ErrorCode, string? ErrorMessage)
{
    public static CompanyRegistration Failed(string code, string message) => new(null, null, code, message);
}
