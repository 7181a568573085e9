using System.Text.Json;

namespace Kto.Client;

/// <summary>
/// One answer of the API as it came: status, raw body (printed unchanged by ./kto) and the Location header.
/// Non-2xx is data here, not an exception: the caller decides (./kto exits non-zero, a test asserts the code).
/// </summary>
public sealed record ApiResponse(int Status, string Body, string? Location)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    public JsonElement Json() => JsonDocument.Parse(Body).RootElement.Clone();

    /// <summary>A string property of a JSON body, or null when the body is no JSON object or lacks it.</summary>
    public string? JsonString(string property)
    {
        try
        {
            var root = Json();
            return root.ValueKind == JsonValueKind.Object && root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Throws when the answer is no 2xx: for callers (tests, benchmarks) that only go on with success.</summary>
    public ApiResponse EnsureSuccess(string what) =>
        IsSuccess ? this : throw new KtoApiException($"{what}: {Status} {Body}", Status);
}
