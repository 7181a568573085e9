namespace Kto.Core.Population;

/// <summary>One service as delivered, as it counts now, and every correction in between.</summary>
public sealed record ServiceHistory(DeliveredService Delivered, CorrectedService Current, IReadOnlyList<ServiceCorrection> Corrections);
