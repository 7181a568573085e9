namespace Kto.Core.Reports;

/// <summary>What signing a draft came to (<see cref="ReportSigningResult"/>).</summary>
public enum ReportSigningOutcome
{
    Signed,
    /// <summary>The same draft was signed before by the same signer with the same conclusion: <see cref="ReportSigningResult.Version"/> is what that gave.</summary>
    AlreadySigned,
    /// <summary>There is no draft to sign.</summary>
    NoDraft,
    /// <summary>The draft the bureau named is no longer the current one: it was replaced after it was opened.</summary>
    DraftReplaced,
    /// <summary>No conclusion was given: a signed report always carries the bureau's conclusion.</summary>
    ConclusionMissing,
}
