using Kto.Core.Portal;
using Kto.Core.Accounts;

namespace Kto.Functions.Portal;

/// <summary>
/// The signed-in person's own account: who they are, what they may see, and the weekly digest on or off (the use
/// case stores it on the user row and audits a change). Every signed-in user, bureau or company.
/// </summary>
public sealed class AccountPageFunction(PortalGate gate, UserService users)
{
    [Function(nameof(PortalAccount))]
    [PortalPage(PortalAccess.SignedIn)]
    public IActionResult PortalAccount(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "portal/account")] HttpRequest request)
    {
        var (visitor, _, _) = request.Opening();
        var user = visitor.User!;
        return gate.Page(visitor, "account.liquid", "Mijn account", new AccountPage(
            Email: user.Email,
            IsBureau: user.Role == UserRole.Bureau,
            Company: user.CompanyId,
            Digest: !user.DigestOptOut,
            Saved: request.Query["bewaard"] == "1"), "account");
    }

    [Function(nameof(PortalAccountSaved))]
    [PortalForm(PortalAccess.SignedIn)]
    public async Task<IActionResult> PortalAccountSaved(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "portal/account")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (visitor, _, form) = request.Opening();
        // An unchecked box is not sent at all: no "digest" field means off.
        var change = await users.SetDigestAsync(visitor.User!.Email, form.GetValueOrDefault("digest") == "1", cancellationToken);
        return change.Done ? PortalResult.SeeOther(PortalUrls.Account + "?bewaard=1") : gate.NotFound(visitor);
    }
}
