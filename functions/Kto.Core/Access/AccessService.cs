using Kto.Core.Companies;
using Kto.Core.Settings;

namespace Kto.Core.Access;

/// <summary>
/// Turns a bearer key into a <see cref="Caller"/>. Company keys are prefixed with the company id
/// (<c>kto.{company}.{secret}</c>) so one stored hash is looked up, never a scan over all companies.
/// </summary>
public sealed class AccessService(ICompanyStore companies, KtoSettings settings)
{
    private const string Prefix = "kto.";

    public async Task<Caller> IdentifyAsync(string? bearerKey, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(bearerKey)) return Caller.Anonymous;
        if (SecretKeys.Matches(bearerKey, settings.BureauKeyHash)) return Caller.Bureau;

        var companyId = CompanyOf(bearerKey);
        if (companyId is null) return Caller.Anonymous;
        var hash = await companies.GetKeyHashAsync(companyId, cancellationToken);
        return SecretKeys.Matches(bearerKey, hash) ? new Caller(CallerKind.Company, companyId) : Caller.Anonymous;
    }

    /// <summary>A new company key; the caller shows it once and stores only its hash.</summary>
    public static string NewCompanyKey(string companyId) => $"{Prefix}{companyId}.{SecretKeys.Create()}";

    private static string? CompanyOf(string key)
    {
        if (!key.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var rest = key[Prefix.Length..];
        var dot = rest.IndexOf('.');
        if (dot <= 0) return null;
        var id = rest[..dot];
        return CompanyId.IsValid(id) ? id : null;
    }
}
