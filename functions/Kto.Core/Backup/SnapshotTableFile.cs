using System.Text;
using System.Text.Json;

namespace Kto.Core.Backup;

/// <summary>
/// A table in a snapshot: JSON Lines, one row a line, each property with its type, readable without this code:
/// <c>{"partitionKey":"acme_2026","rowKey":"…","properties":{"Steps":{"type":"Edm.Int32","value":"2"}}}</c>.
/// </summary>
public static class SnapshotTableFile
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public static async Task WriteAsync(Stream stream, BackupEntity entity, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("partitionKey", entity.PartitionKey);
            json.WriteString("rowKey", entity.RowKey);
            json.WriteStartObject("properties");
            foreach (var property in entity.Properties)
            {
                json.WriteStartObject(property.Name);
                json.WriteString("type", property.Type);
                json.WriteString("value", property.Value);
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        buffer.Write(NewLine);
        await stream.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
    }

    public static async IAsyncEnumerable<BackupEntity> ReadAsync(Stream stream, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var line = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } text)
        {
            line++;
            if (text.Length == 0) continue;
            yield return Parse(text, line);
        }
    }

    private static BackupEntity Parse(string text, int line)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            var properties = new List<BackupProperty>();
            foreach (var property in root.GetProperty("properties").EnumerateObject())
            {
                var type = property.Value.GetProperty("type").GetString()!;
                if (!BackupValueTypes.All.Contains(type)) throw new FormatException($"line {line}: unknown type {type}");
                properties.Add(new BackupProperty(property.Name, type, property.Value.GetProperty("value").GetString()!));
            }
            return new BackupEntity(root.GetProperty("partitionKey").GetString()!, root.GetProperty("rowKey").GetString()!, properties);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException($"line {line} is not a row", e);
        }
    }
}
