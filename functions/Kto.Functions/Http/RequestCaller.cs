using Kto.Core.Access;
using Microsoft.AspNetCore.Http;

namespace Kto.Functions.Http;

/// <summary>Reads the bearer key of a request and asks <see cref="AccessService"/> who is calling.</summary>
public static class RequestCaller
{
    public static Task<Caller> IdentifyAsync(this AccessService access, HttpRequest request, CancellationToken cancellationToken)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        var key = header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : null;
        return access.IdentifyAsync(key, cancellationToken);
    }
}
