namespace Kto.Core.Reports;

/// <summary>Who at the bureau signed the report, and when.</summary>
public sealed record ReportSignature(string SignedBy, DateTimeOffset SignedAt);
