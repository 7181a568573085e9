namespace Kto.Core.Reports;

/// <summary>See <see cref="ReportVersionChoice"/>.</summary>
public enum ReportVersionKind { Latest, Draft, Signed }
