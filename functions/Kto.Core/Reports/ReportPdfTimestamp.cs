namespace Kto.Core.Reports;

/// <summary>The timestamp in a signed report PDF (PAdES B-T): when an independent authority saw the signature, and which one.</summary>
/// <param name="At">The time in the authority's token (genTime).</param>
/// <param name="Authority">The common name of the certificate that signed the token.</param>
public sealed record ReportPdfTimestamp(DateTimeOffset At, string Authority);
