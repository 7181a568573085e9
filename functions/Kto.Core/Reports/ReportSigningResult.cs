namespace Kto.Core.Reports;

/// <summary>What signing a draft came to: the new version, the version the same signing gave before, or why nothing was signed.</summary>
public sealed record ReportSigningResult(ReportSigningOutcome Outcome, ReportVersionInfo? Version = null, string? CurrentDraftId = null);
