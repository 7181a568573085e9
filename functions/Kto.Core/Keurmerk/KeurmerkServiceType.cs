namespace Kto.Core.Keurmerk;

/// <summary>One service type (perceel): its ended services, respondents and mean grade.</summary>
public sealed record KeurmerkServiceType(string ServiceType, int Ended, int Responded, double? MeanGrade);
