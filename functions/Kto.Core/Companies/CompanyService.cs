using Kto.Core.Access;
using Kto.Core.Accounts;

namespace Kto.Core.Companies;

/// <summary>
/// Registering companies: the key is made here, returned once, and only its hash is stored. The registration is
/// audited here, whatever the door (the bureau key, the portal), once: only the caller whose create-only insert
/// made the company writes the line; a concurrent repeat finds the id taken and changes nothing.
/// </summary>
public sealed class CompanyService(ICompanyStore store, IAuditLog audit, TimeProvider time)
{
    public const int MaxNameLength = 200;

    /// <param name="actor">Who registers: the signed-in person's address, or <see cref="AuditActions.BureauKey"/>.</param>
    public async Task<CompanyRegistration> RegisterAsync(string actor, string? id, string? name, CancellationToken cancellationToken)
    {
        if (!CompanyId.IsValid(id)) return CompanyRegistration.Failed(RegistrationError.InvalidId);
        var cleanName = name?.Trim();
        if (string.IsNullOrEmpty(cleanName) || cleanName.Length > MaxNameLength || !NameText.IsClean(cleanName))
            return CompanyRegistration.Failed(RegistrationError.InvalidName);

        var company = new Company(id!, cleanName, time.GetUtcNow());
        var key = AccessService.NewCompanyKey(company.Id);
        if (!await store.TryAddAsync(company, SecretKeys.Hash(key), cancellationToken))
            return CompanyRegistration.Failed(RegistrationError.CompanyExists);
        await audit.WriteAsync(new AuditEntry(company.RegisteredAt, actor, AuditActions.CompanyRegistered, company.Id, $"{company.Name} geregistreerd"), cancellationToken);
        return new CompanyRegistration(company, key, null);
    }
}
