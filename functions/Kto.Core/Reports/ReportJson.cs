using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kto.Core.Reports;

/// <summary>The serializer options of the report JSON contract: camelCase, enums as strings.</summary>
public static class ReportJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize(AnnualReport report) => JsonSerializer.Serialize(report, Options);

    public static AnnualReport Deserialize(string json) =>
        JsonSerializer.Deserialize<AnnualReport>(json, Options) ?? throw new JsonException("Empty report.");
}
