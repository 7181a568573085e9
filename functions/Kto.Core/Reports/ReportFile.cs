namespace Kto.Core.Reports;

/// <summary>A downloaded report file and the version it belongs to (null: the draft).</summary>
public sealed record ReportFile(byte[] Content, int? Version);
