using System.Globalization;
using System.Text.Json;
using Kto.Core;
using Kto.Core.Forecast;
using Kto.Core.Portal;
using Kto.Core.Progress;

namespace Kto.Infrastructure.Storage;

/// <summary>
/// The one mapper of the bureau overview's kept figures: one row per year (partition) and company (row key), the
/// figures as JSON (a few hundred bytes a perceel) and when they were computed.
/// </summary>
public static class OverviewSnapshotRows
{
    public const string ComputedAt = "ComputedAt";
    public const string LastDelivery = "LastDelivery";
    public const string Percelen = "Percelen";
    public const string Opdrachtgevers = "Opdrachtgevers";
    public const string Forecast = "Forecast";

    public static string Partition(int year) => year.ToString(CultureInfo.InvariantCulture);

    public static TableEntity Write(OverviewSnapshot snapshot) => new(Partition(snapshot.Year), snapshot.CompanyId)
    {
        [ComputedAt] = snapshot.ComputedAt,
        [LastDelivery] = snapshot.LastDelivery is null ? null : JsonSerializer.Serialize(snapshot.LastDelivery, KtoJson.Options),
        [Percelen] = JsonSerializer.Serialize(snapshot.Percelen, KtoJson.Options),
        [Opdrachtgevers] = snapshot.Opdrachtgevers is null ? null : JsonSerializer.Serialize(snapshot.Opdrachtgevers, KtoJson.Options),
        [Forecast] = snapshot.Forecast is null ? null : JsonSerializer.Serialize(snapshot.Forecast, KtoJson.Options),
    };

    public static OverviewSnapshot Read(TableEntity e) => new(
        e.RowKey,
        int.Parse(e.PartitionKey, CultureInfo.InvariantCulture),
        e.GetDateTimeOffset(ComputedAt) ?? default,
        e.GetString(LastDelivery) is { Length: > 0 } last ? JsonSerializer.Deserialize<DeliveryEntry>(last, KtoJson.Options) : null,
        JsonSerializer.Deserialize<List<PerceelProgress>>(e.GetString(Percelen) ?? "[]", KtoJson.Options) ?? [],
        e.GetString(Opdrachtgevers) is { Length: > 0 } o ? JsonSerializer.Deserialize<OpdrachtgeverProgress>(o, KtoJson.Options) : null,
        e.GetString(Forecast) is { Length: > 0 } f ? JsonSerializer.Deserialize<List<ForecastSummary>>(f, KtoJson.Options) : null);
}
