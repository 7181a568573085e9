namespace Kto.Core.Reports;

/// <summary>What signing a draft came to: the new version, the version the same signing gave before, or why nothing was signed.</summary>
public sealed record ReportSigning(ReportSigning.Outcomes Outcome, ReportVersionInfo? Version = null, string? CurrentDraftId = null)
{
    public enum Outcomes
    {
        Signed,
        /// <summary>The same draft was signed before by the same signer with the same conclusion: <see cref="Version"/> is what that gave.</summary>
        AlreadySigned,
        /// <summary>There is no draft to sign.</summary>
        NoDraft,
        /// <summary>The draft the bureau named is no longer the current one: it was replaced after it was opened.</summary>
        DraftReplaced,
        /// <summary>No conclusion was given: a signed report always carries the bureau's conclusion.</summary>
        ConclusionMissing,
    }
}
