namespace Kto.Core.Reports;

/// <summary>The drafts and signed versions of the annual report for UWV, with the inputs each was built from.</summary>
public interface IReportArchive : IReportVersionStore<ReportDraftInputs>;
