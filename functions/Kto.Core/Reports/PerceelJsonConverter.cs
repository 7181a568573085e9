using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kto.Core.Reports;

/// <summary>Writes a perceel as its official name ("Werkfit maken"), as UWV and readers know it; reads any accepted spelling.</summary>
public sealed class PerceelJsonConverter : JsonConverter<Perceel>
{
    public override Perceel Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        PerceelNames.TryParse(reader.GetString(), out var perceel)
            ? perceel
            : throw new JsonException($"Unknown perceel '{reader.GetString()}'.");

    public override void Write(Utf8JsonWriter writer, Perceel value, JsonSerializerOptions options) =>
        writer.WriteStringValue(PerceelNames.DisplayName(value));
}
