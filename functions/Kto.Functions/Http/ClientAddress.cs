using System.Net;
using Microsoft.AspNetCore.Http;

namespace Kto.Functions.Http;

/// <summary>
/// The client's address for rate limiting: the first entry of X-Forwarded-For when present (Azure's front end
/// sets it; it may carry a port), else the connection's address. Used only as a counter key, never logged.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpRequest request)
    {
        var forwarded = request.Headers["X-Forwarded-For"].ToString();
        if (forwarded.Length > 0)
        {
            var first = forwarded.Split(',')[0].Trim();
            if (IPEndPoint.TryParse(first, out var endpoint)) return endpoint.Address.ToString();
        }
        return request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }
}
