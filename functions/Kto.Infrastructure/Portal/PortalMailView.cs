using Kto.Core.Accounts;
using Kto.Core.Portal;
using Kto.Core.Settings;

namespace Kto.Infrastructure.Portal;

/// <summary>What every portal mail (welcome, digest, delivery reminder) reads, by snake_case name (<c>IsBureau</c> → <c>is_bureau</c>).</summary>
public sealed record PortalMailView(string? Name, string Email, string Portal, string AccountUrl, bool IsBureau, string Bureau, string QuestionsEmail)
{
    /// <summary>The portal's address as a mail links it: the public base URL and the portal's home.</summary>
    public static string PortalAddress(KtoSettings settings) => settings.PublicBaseUrl.TrimEnd('/') + PortalUrls.Home;

    /// <summary>The view for a mail to <paramref name="user"/>.</summary>
    public static PortalMailView For(PortalUser user, KtoSettings settings, BureauSettings bureau)
    {
        var portal = PortalAddress(settings);
        return new(user.Name, user.Email, portal, portal + "/account", user.Role == UserRole.Bureau, bureau.Name, bureau.QuestionsAddress);
    }
}
