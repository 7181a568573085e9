using Kto.Core.Portal;

namespace Kto.Functions.Portal;

/// <summary>The portal's stylesheet and script (the URL carries a version, so they may be cached for long).</summary>
public sealed class PortalAssetsFunction(IPortalPages pages)
{
    [Function(nameof(PortalAsset))]
    [PortalPage(PortalAccess.Public)]
    public IActionResult PortalAsset(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalUrls.AssetsRoute)] HttpRequest request,
        string file)
    {
        if (pages.Asset(file) is not { } asset) return new NotFoundResult();
        request.HttpContext.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        request.HttpContext.Response.Headers.XContentTypeOptions = "nosniff";
        return new ContentResult { Content = asset.Content, ContentType = asset.ContentType, StatusCode = StatusCodes.Status200OK };
    }
}
