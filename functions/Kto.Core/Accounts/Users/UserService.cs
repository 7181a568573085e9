using Kto.Core.Companies;
using Kto.Core.Deliveries;
using Kto.Core.Portal;

namespace Kto.Core.Accounts;

/// <summary>Adds and removes portal accounts; every change is written to the audit log with who made it.</summary>
public sealed class UserService(IUserStore users, ICompanyStore companies, IAuditLog audit, TimeProvider time, IWelcomeMailer? welcome = null)
{
    /// <param name="name">The person's name as they sign reports; null or empty: only the address is known.</param>
    public async Task<UserChange> AddAsync(string actor, string? email, UserRole role, string? companyId, string? name, CancellationToken cancellationToken)
    {
        if (!EmailAddresses.IsValid(email?.Trim()))
            return UserChange.Invalid("invalid-email", "Vul een geldig e-mailadres in, bijvoorbeeld naam@bedrijf.nl.");
        if (!PortalUser.TryCleanName(name, out var cleanName))
            return UserChange.Invalid("invalid-name", new PageText("Vul als naam hoogstens {0} tekens in, {1}.", PortalUser.MaxNameLength, new PageText(NameText.Rule)));
        if (role == UserRole.Company)
        {
            if (string.IsNullOrEmpty(companyId) || !CompanyId.IsValid(companyId) || await companies.GetAsync(companyId, cancellationToken) is null)
                return UserChange.Invalid("unknown-company", "Kies een geregistreerd bedrijf voor deze gebruiker.");
        }
        else companyId = null;

        var now = time.GetUtcNow();
        var user = new PortalUser(PortalUser.Normalize(email!), role, companyId, now, actor, cleanName);
        for (var tries = 1; !await users.TryAddAsync(user, cancellationToken); tries++)
        {
            // The insert is create-only, so of two identical requests at once (a double click, a retry) one adds the
            // user and audits it; the other answers what that one did. Any other account under the address is a conflict.
            var existing = await users.GetAsync(user.Email, cancellationToken);
            // The account it lost to was removed before it looked (a removal at the same moment): the address is free
            // again, so the add is tried once more instead of naming an account that no longer exists.
            if (existing is null && tries < 2) continue;
            return existing is not null && existing.Role == role && existing.CompanyId == companyId && existing.Name == cleanName && existing.CreatedBy == actor
                ? new UserChange(true, User: existing)
                : UserChange.Invalid("user-exists", "Voor dit e-mailadres bestaat al een account.");
        }
        var what = role == UserRole.Bureau ? "bureaugebruiker" : $"gebruiker van {companyId}";
        await audit.WriteAsync(new AuditEntry(now, actor, AuditActions.UserAdded, companyId, $"{user.Email}{(cleanName is null ? "" : $" ({cleanName})")} toegevoegd als {what}"), cancellationToken);
        // The account stands whatever the mail does: the person can always sign in at the portal.
        var welcomed = welcome is not null && await welcome.SendWelcomeAsync(user, cancellationToken);
        return new UserChange(true, User: user, Welcomed: welcomed);
    }

    /// <summary>Removes a company user (bureau accounts are not removed here: the bureau must never lock itself out).</summary>
    public async Task<UserChange> RemoveAsync(string actor, string email, CancellationToken cancellationToken)
    {
        var user = await users.GetAsync(PortalUser.Normalize(email), cancellationToken);
        // No account (any more): what was asked holds. A repeat, or the loser of two removals at once, answers as the
        // first did and is not audited again.
        if (user is null) return new UserChange(true);
        if (user.Role != UserRole.Company) return UserChange.Invalid("bureau-user", "Alleen gebruikers van een bedrijf kunnen hier worden verwijderd.");
        // The delete decides: of two removals at once only the one that deleted the row audits; the other answers the same.
        if (!await users.RemoveAsync(user.Email, cancellationToken)) return new UserChange(true, User: user);
        await audit.WriteAsync(new AuditEntry(time.GetUtcNow(), actor, AuditActions.UserRemoved, user.CompanyId, $"{user.Email} verwijderd"), cancellationToken);
        return new UserChange(true, User: user);
    }

    /// <summary>
    /// The user's own choice on the portal: the weekly digest or not. Audited only when it changes, so a form sent
    /// twice writes one line.
    /// </summary>
    public async Task<UserChange> SetDigestAsync(string email, bool receive, CancellationToken cancellationToken)
    {
        var user = await users.GetAsync(PortalUser.Normalize(email), cancellationToken);
        if (user is null) return UserChange.Invalid("unknown-user", "Dit account bestaat niet meer.");
        if (user.DigestOptOut == !receive) return new UserChange(true, User: user);
        if (!await users.SetDigestOptOutAsync(user.Email, !receive, cancellationToken)) return UserChange.Invalid("unknown-user", "Dit account bestaat niet meer.");
        await audit.WriteAsync(new AuditEntry(time.GetUtcNow(), user.Email, receive ? AuditActions.DigestOptIn : AuditActions.DigestOptOut, user.CompanyId,
            receive ? "Weekoverzicht per mail weer aangezet" : "Weekoverzicht per mail uitgezet"), cancellationToken);
        return new UserChange(true, User: user with { DigestOptOut = !receive });
    }
}

/// <param name="Welcomed">A new user's welcome mail was taken by the mail server.</param>
public sealed record UserChange(bool Done, string? Error = null, PageText? Message = null, PortalUser? User = null, bool Welcomed = false)
{
    public static UserChange Invalid(string error, PageText message) => new(false, error, message);
}
