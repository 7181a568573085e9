using System.Net;
using System.Net.Sockets;

namespace Kto.Functions.Http;

/// <summary>
/// The client's address for rate limiting, as the platform saw it: Azure's front end appends the address it
/// received the connection from as the last <c>X-Forwarded-For</c> entry, so that entry (or the one
/// <c>Kto:Survey:TrustedProxies</c> places before it) is the one a client cannot choose; entries further left are
/// whatever the client sent. Without the header, the connection's address. IPv6 addresses count per /64 (one
/// household or device gets a whole /64). Used only as a counter key, never logged.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpRequest request, int trustedProxies)
    {
        var hops = request.Headers["X-Forwarded-For"].ToString()
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var index = hops.Length - 1 - Math.Max(0, trustedProxies);
        var address = index >= 0 && index < hops.Length ? Parse(hops[index]) : null;
        address ??= request.HttpContext.Connection.RemoteIpAddress;
        return address is null ? "unknown" : Key(address);
    }

    /// <summary>An address with or without a port: <c>198.51.100.7</c>, <c>198.51.100.7:5123</c>, <c>[2001:db8::1]:443</c>.</summary>
    private static IPAddress? Parse(string hop) =>
        IPAddress.TryParse(hop, out var plain) ? plain : IPEndPoint.TryParse(hop, out var endpoint) ? endpoint.Address : null;

    private static string Key(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
