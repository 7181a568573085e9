using System.Globalization;
using Kto.Core.Backup;

namespace Kto.Infrastructure.Backup;

/// <summary>Table rows to a snapshot's typed properties and back, type for type (an Int64 stays an Int64, a DateTime keeps its ticks).</summary>
public static class BackupEntities
{
    private static readonly HashSet<string> SystemProperties = new(StringComparer.Ordinal) { "PartitionKey", "RowKey", "Timestamp", "odata.etag" };

    public static BackupEntity From(TableEntity entity)
    {
        var properties = new List<BackupProperty>();
        foreach (var (name, value) in entity)
        {
            if (SystemProperties.Contains(name) || value is null) continue;
            properties.Add(value switch
            {
                string s => new BackupProperty(name, BackupValueTypes.String, s),
                int i => new BackupProperty(name, BackupValueTypes.Int32, i.ToString(CultureInfo.InvariantCulture)),
                long l => new BackupProperty(name, BackupValueTypes.Int64, l.ToString(CultureInfo.InvariantCulture)),
                double d => new BackupProperty(name, BackupValueTypes.Double, d.ToString("R", CultureInfo.InvariantCulture)),
                bool b => new BackupProperty(name, BackupValueTypes.Boolean, b ? "true" : "false"),
                DateTimeOffset t => new BackupProperty(name, BackupValueTypes.DateTime, t.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)),
                DateTime t => new BackupProperty(name, BackupValueTypes.DateTime, t.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)),
                Guid g => new BackupProperty(name, BackupValueTypes.Guid, g.ToString("D")),
                byte[] bytes => new BackupProperty(name, BackupValueTypes.Binary, Convert.ToBase64String(bytes)),
                BinaryData data => new BackupProperty(name, BackupValueTypes.Binary, Convert.ToBase64String(data.ToArray())),
                _ => throw new NotSupportedException($"Property {name} has a type a snapshot does not know: {value.GetType().Name}"),
            });
        }
        return new BackupEntity(entity.PartitionKey, entity.RowKey, properties);
    }

    public static TableEntity To(BackupEntity entity)
    {
        var row = new TableEntity(entity.PartitionKey, entity.RowKey);
        foreach (var p in entity.Properties)
            row[p.Name] = p.Type switch
            {
                BackupValueTypes.String => p.Value,
                BackupValueTypes.Int32 => int.Parse(p.Value, CultureInfo.InvariantCulture),
                BackupValueTypes.Int64 => long.Parse(p.Value, CultureInfo.InvariantCulture),
                BackupValueTypes.Double => double.Parse(p.Value, CultureInfo.InvariantCulture),
                BackupValueTypes.Boolean => p.Value == "true",
                BackupValueTypes.DateTime => DateTimeOffset.Parse(p.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                BackupValueTypes.Guid => Guid.Parse(p.Value),
                BackupValueTypes.Binary => Convert.FromBase64String(p.Value),
                _ => throw new FormatException($"Property {p.Name} has an unknown type {p.Type}"),
            };
        return row;
    }
}
