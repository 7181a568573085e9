
namespace Kto.Functions.Portal;

/// <summary>What a portal function asks of its request once <see cref="PortalGate.EnterAsync"/> let it open.</summary>
public static class PortalRequest
{
    /// <summary>The visitor, the page's company and posted form; only for a function with a <see cref="PortalPageAttribute"/>.</summary>
    public static PortalOpening Opening(this HttpRequest request) =>
        request.HttpContext.Items.TryGetValue(PortalOpening.Key, out var opening) && opening is PortalOpening opened
            ? opened
            : throw new InvalidOperationException("This function declares no [PortalPage] (or one with PortalAccess.Public), so the gate opened nothing.");
}
