using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kto.Core;

/// <summary>The JSON shape of every document the system writes or serves (the API, receipts, reports): camelCase, enums as strings.</summary>
public static class KtoJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
