using Kto.Core.Accounts;
using Kto.Core.Portal;
using Kto.Core.Settings;

namespace Kto.Infrastructure.Portal;

/// <summary>What every portal mail (welcome, digest, delivery reminder) reads, by snake_case name (<c>IsBureau</c> → <c>is_bureau</c>).</summary>
public sealed record PortalMailView(string? Name, string Email, string Portal, string AccountUrl, bool IsBureau, string Bureau, string QuestionsEmail)
{
    /// <summary>The view for a mail to <paramref name="user"/>.</summary>
    public static PortalMailView For(PortalUser user, KtoSettings settings, BureauSettings bureau) =>
        new(user.Name, user.Email, settings.Link(PortalUrls.Home), settings.Link(PortalUrls.Account), user.Role == UserRole.Bureau, bureau.Name, bureau.QuestionsAddress);
}
