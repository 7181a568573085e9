using System.Buffers.Binary;

namespace Kto.Infrastructure.Storage;

/// <summary>
/// The throttle's send times in its one row: 8-byte Unix milliseconds in binary properties of at most 64,000 bytes
/// each (Table storage refuses a property over 64 KiB, about 2,300 times written as text), up to 15 of them, under
/// the 1 MiB entity limit: room for an hour of <see cref="MaxSends"/> mails.
/// </summary>
public static class SendTimesColumns
{
    private const string Prefix = "Sends";
    private const int PerColumn = 8_000;
    private const int MaxColumns = 15;
    public const int MaxSends = PerColumn * MaxColumns;

    public static List<DateTimeOffset> Read(TableEntity entity)
    {
        var sends = new List<DateTimeOffset>();
        for (var column = 0; column < MaxColumns && entity.GetBinary(Prefix + column) is { } bytes; column++)
        {
            for (var at = 0; at + 8 <= bytes.Length; at += 8)
                sends.Add(DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(at))));
        }
        return sends;
    }

    /// <summary>Writes the most recent <see cref="MaxSends"/> times (no throttle setting allows more in an hour).</summary>
    public static void Write(TableEntity entity, IEnumerable<DateTimeOffset> sends)
    {
        var kept = sends.Order().TakeLast(MaxSends).ToList();
        var column = 0;
        foreach (var chunk in kept.Chunk(PerColumn))
        {
            var bytes = new byte[chunk.Length * 8];
            for (var i = 0; i < chunk.Length; i++)
                BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(i * 8), chunk[i].ToUnixTimeMilliseconds());
            entity[Prefix + column++] = bytes;
        }
    }
}
