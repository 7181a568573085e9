namespace Kto.Core.Progress;

/// <summary>The minimum the progress figures need of one stored service.</summary>
/// <param name="EndMonth">Month (1–12) of the end date, for the chart by month; null when unknown.</param>
public sealed record ServiceState(Perceel Perceel, bool Approached, bool Responded, int? Grade, int? EndMonth = null);
