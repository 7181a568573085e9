using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kto.Infrastructure;

/// <summary>The JSON shape of every document the system writes or serves: camelCase, enums as strings.</summary>
public static class KtoJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
