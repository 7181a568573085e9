using Kto.Core.Settings;

namespace Kto.Core.Deliveries;

/// <summary>
/// Reads a monthly delivery (.csv or .xlsx) per the delivery contract in two passes over a seekable stream:
/// <see cref="Inspect"/> decides whether the whole file is refused (format, headers, BSN column) before anything
/// is stored; <see cref="ReadRows"/> then streams validated rows one at a time.
/// </summary>
public sealed class DeliveryParser(DeliverySettings settings)
{
    public DeliverySettings Settings { get; } = settings;

    public DeliveryInspection Inspect(Stream content, string fileName) =>
        throw new NotImplementedException();

    public IEnumerable<DeliveryRow> ReadRows(Stream content, string fileName, DeliveryInspection inspection, DateOnly today) =>
        throw new NotImplementedException();
}
