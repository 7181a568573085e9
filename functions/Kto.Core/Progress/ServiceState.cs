namespace Kto.Core.Progress;

/// <summary>The minimum the progress figures need of one stored service.</summary>
public sealed record ServiceState(Perceel Perceel, bool Approached, bool Responded, int? Grade);
