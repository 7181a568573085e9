using Kto.Core.Access;

namespace Kto.Functions.Http;

/// <summary>Reads the bearer key of a request and answers the two access questions every route asks.</summary>
public static class RequestCaller
{
    public static Task<Caller> IdentifyAsync(this AccessService access, HttpRequest request, CancellationToken cancellationToken)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        var key = header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : null;
        return access.IdentifyAsync(key, cancellationToken);
    }

    /// <summary>Null when the caller may see <paramref name="company"/>; otherwise the 401 or 403 to answer.</summary>
    public static async Task<IActionResult?> DenyUnlessMaySeeAsync(this AccessService access, HttpRequest request, string company, CancellationToken cancellationToken)
    {
        var caller = await access.IdentifyAsync(request, cancellationToken);
        if (caller.Kind == CallerKind.Anonymous) return ApiResults.Unauthorized();
        return caller.MaySee(company) ? null : ApiResults.Forbidden();
    }

    /// <summary>Null when the caller is the bureau; otherwise 401 without a valid key, 403 for a valid company key.</summary>
    public static async Task<IActionResult?> DenyUnlessBureauAsync(this AccessService access, HttpRequest request, CancellationToken cancellationToken) =>
        (await access.IdentifyAsync(request, cancellationToken)).Kind switch
        {
            CallerKind.Bureau => null,
            CallerKind.Anonymous => ApiResults.Unauthorized(),
            _ => ApiResults.BureauOnly(),
        };
}
