namespace Kto.Core.Reports;

/// <summary>What signing a draft came to: the new version, or why nothing was signed.</summary>
public sealed record ReportSigning(ReportSigning.Outcomes Outcome, ReportVersionInfo? Version = null, string? CurrentDraftId = null)
{
    public enum Outcomes
    {
        Signed,
        /// <summary>There is no draft to sign.</summary>
        NoDraft,
        /// <summary>The draft the bureau named is no longer the current one: it was replaced after it was opened.</summary>
        DraftReplaced,
    }
}
