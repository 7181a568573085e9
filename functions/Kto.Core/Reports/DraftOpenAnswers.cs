namespace Kto.Core.Reports;

/// <summary>The open answers the current draft shows, and every answer the bureau hid from this company's report for the year.</summary>
public sealed record DraftOpenAnswers(ReportDraftInfo Draft, IReadOnlyList<OpenAnswer> Answers, IReadOnlyList<HiddenAnswer> Hidden);
