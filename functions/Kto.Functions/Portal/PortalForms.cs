using Microsoft.AspNetCore.Http;

namespace Kto.Functions.Portal;

/// <summary>Reads a small url-encoded portal form (file uploads are streamed elsewhere).</summary>
public static class PortalForms
{
    public static async Task<IReadOnlyDictionary<string, string?>> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType) return new Dictionary<string, string?>();
        var form = await request.ReadFormAsync(cancellationToken);
        return form.ToDictionary(f => f.Key, f => (string?)f.Value.ToString(), StringComparer.Ordinal);
    }
}
