namespace Kto.Core.Keurmerk;

/// <summary>Client satisfaction: all percelen together and per service type (perceel).</summary>
public sealed record KeurmerkClients(int Ended, int Responded, double? MeanGrade, IReadOnlyList<KeurmerkServiceType> PerServiceType);
