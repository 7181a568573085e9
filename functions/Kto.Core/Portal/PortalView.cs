using Kto.Core.Accounts;

namespace Kto.Core.Portal;

/// <summary>
/// One page to render: its body template, title, who is signed in, and the page's own view model (a record whose
/// properties the template reads in snake_case: <c>AtRisk</c> as <c>at_risk</c>).
/// </summary>
public sealed record PortalView(string Template, string Title, PortalUser? User, string? FormToken, object Model)
{
    /// <summary>A meta refresh ("seconds; url=…"): the page reloads itself without script.</summary>
    public string? Refresh { get; init; }

    /// <summary>Which navigation item is the current page (aria-current).</summary>
    public string? Nav { get; init; }

    /// <summary>"nl" or "en": the page's texts come from that language's catalog, Dutch where it has none.</summary>
    public string Language { get; init; } = "nl";

    /// <summary>The link to this page in the other language.</summary>
    public string? SwitchUrl { get; init; }
}
