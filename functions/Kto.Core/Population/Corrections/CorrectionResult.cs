namespace Kto.Core.Population;

/// <summary>The answer to a withdrawal or correction: what happened, and the service as it is afterwards (when known).</summary>
public sealed record CorrectionResult(CorrectionOutcome Outcome, ServiceHistory? Service = null);
