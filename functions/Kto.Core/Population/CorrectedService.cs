namespace Kto.Core.Population;

/// <summary>A service as it counts after the bureau's corrections: withdrawn or not, in which perceel, ended when.</summary>
public sealed record CorrectedService(bool Withdrawn, Perceel Perceel, DateOnly Einddatum);
