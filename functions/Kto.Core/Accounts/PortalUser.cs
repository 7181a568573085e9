using Kto.Core.Access;

namespace Kto.Core.Accounts;

/// <summary>One person with a portal account. The e-mail address (lower case) is the identity.</summary>
/// <param name="Name">The person's name as they sign reports (e.g. "Dr. J. de Wit"); null when only the address is known.</param>
/// <param name="DigestOptOut">The person asked on the portal not to get the weekly digest mail.</param>
public sealed record PortalUser(string Email, UserRole Role, string? CompanyId, DateTimeOffset CreatedAt, string CreatedBy, string? Name = null,
    bool DigestOptOut = false)
{
    public const int MaxNameLength = 200;

    /// <summary>Who this person is on a signed report: their name, or their address when no name is known.</summary>
    public string Signer => Name ?? Email;

    /// <summary>A name as typed, trimmed; null when empty. Invalid: longer than <see cref="MaxNameLength"/> or against <see cref="NameText"/>.</summary>
    public static bool TryCleanName(string? typed, out string? name)
    {
        name = string.IsNullOrWhiteSpace(typed) ? null : typed.Trim();
        return name is null || (name.Length <= MaxNameLength && NameText.IsClean(name));
    }

    /// <summary>The same access rule as an API key: a bureau user is the bureau, a company user that company.</summary>
    public Caller AsCaller() => Role == UserRole.Bureau ? Caller.Bureau : new Caller(CallerKind.Company, CompanyId);

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}
