using Kto.Core.Portal;
namespace Kto.Functions.Portal;

/// <summary>
/// bureau-users.liquid: every user and company, the forms to add or remove them, and what the last form did
/// (unset values are null: the page shows only what happened).
/// </summary>
public sealed record BureauUsersPage
{
    public PageText? Done { get; init; }
    public string? Welcome { get; init; }
    public PageText? UserError { get; init; }
    public string? Email { get; init; }
    public string? Name { get; init; }
    public string? ConfirmRemove { get; init; }
    public PageText? CompanyError { get; init; }
    public string? CompanyId { get; init; }
    public string? CompanyName { get; init; }
    /// <summary>A new company's API key, shown once.</summary>
    public string? CompanyKey { get; init; }
    public List<Company> Companies { get; init; } = [];
    public List<User> Users { get; init; } = [];

    public sealed record Company(string Id, string Name, string Url);

    public sealed record User(string Email, string Name, string Role, string? Company, bool Removable);
}
