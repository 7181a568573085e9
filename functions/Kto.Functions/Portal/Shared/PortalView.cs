using Kto.Core.Accounts;
using Kto.Core.Portal;

namespace Kto.Functions.Portal;

/// <summary>
/// One page to render: its body template, title (a text the page translates, its values apart), who is signed in, and the page's own view model (a record whose
/// properties the template reads in snake_case: <c>AtRisk</c> as <c>at_risk</c>).
/// </summary>
public sealed record PortalView(string Template, PageText Title, PortalUser? User, string? FormToken, object Model)
{
    /// <summary>
    /// Seconds after which the page loads itself again (<see cref="RefreshUrl"/>, or the same page) while something runs
    /// in the background. Done by portal.js, which offers to stop it (WCAG 2.2.2); without script the page shows a link
    /// to load it again. Never a meta refresh: a page that reloads on its own with no way to stop it fails WCAG 2.2.1.
    /// </summary>
    public int? RefreshAfter { get; init; }

    /// <summary>Where the refresh goes (e.g. the receipt once a file is processed); null for the same page.</summary>
    public string? RefreshUrl { get; init; }

    /// <summary>Which navigation item is the current page (aria-current).</summary>
    public string? Nav { get; init; }

    /// <summary>"nl" or "en": the page's texts come from that language's catalog, Dutch where it has none.</summary>
    public string Language { get; init; } = "nl";

    /// <summary>The link to this page in the other language.</summary>
    public string? SwitchUrl { get; init; }
}
