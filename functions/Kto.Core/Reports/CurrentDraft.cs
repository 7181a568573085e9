namespace Kto.Core.Reports;

/// <summary>The current draft with the revision of its row: a replace names it, so a save made meanwhile is never overwritten unseen.</summary>
public sealed record CurrentDraft(ReportDraftInfo Info, string Revision);
