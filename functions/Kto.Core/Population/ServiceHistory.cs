namespace Kto.Core.Population;

/// <summary>One service as delivered, as it counts now, and every correction in between.</summary>
public sealed record ServiceHistory(DeliveredService Delivered, CorrectedService Current, IReadOnlyList<ServiceCorrection> Corrections);

/// <summary>The answer to a withdrawal or correction: what happened, and the service as it is afterwards (when known).</summary>
public sealed record CorrectionResult(CorrectionOutcome Outcome, ServiceHistory? Service = null);
