using Kto.Core.Access;

namespace Kto.Core.Accounts;

/// <summary>One person with a portal account. The e-mail address (lower case) is the identity.</summary>
public sealed record PortalUser(string Email, UserRole Role, string? CompanyId, DateTimeOffset CreatedAt, string CreatedBy)
{
    /// <summary>The same access rule as an API key: a bureau user is the bureau, a company user that company.</summary>
    public Caller AsCaller() => Role == UserRole.Bureau ? Caller.Bureau : new Caller(CallerKind.Company, CompanyId);

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}
