namespace Kto.Core.Reports;

/// <summary>The exemption letter as a PDF, or why there is none.</summary>
public sealed record ExemptionLetterResult(ExemptionLetterOutcome Outcome, byte[]? Pdf = null, int Ended = 0);
