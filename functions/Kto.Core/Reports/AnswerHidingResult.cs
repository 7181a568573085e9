namespace Kto.Core.Reports;

/// <summary>What hiding an open answer came to: the new draft and the record, or why nothing changed.</summary>
public sealed record AnswerHidingResult(AnswerHidingOutcome Outcome, ReportDraftInfo? Draft = null, HiddenAnswer? Hidden = null);
