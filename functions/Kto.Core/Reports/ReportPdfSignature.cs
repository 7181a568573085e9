namespace Kto.Core.Reports;

/// <summary>What the digital signature in a report PDF says: who signed, for which bureau, when and why.</summary>
/// <param name="SignedAt">The claimed signing time; the same moment the report itself shows.</param>
public sealed record ReportPdfSignature(string SignedBy, string Bureau, DateTimeOffset SignedAt, string Reason);
