using System.Text.Json;

namespace Kto.Functions.Http;

/// <summary>Reads a JSON request body; malformed JSON is "no body", answered by the caller with a clear 400.</summary>
public static class JsonBody
{
    public static async Task<T?> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, Core.KtoJson.Options, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
