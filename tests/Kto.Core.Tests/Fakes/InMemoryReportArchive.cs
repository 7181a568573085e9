using Kto.Core.Reports;

namespace Kto.Core.Tests.Fakes;

/// <summary>The UWV annual report's drafts and signed versions in memory: <see cref="InMemoryVersionStore{TInputs}"/> with its inputs.</summary>
public sealed class InMemoryReportArchive : InMemoryVersionStore<ReportDraftInputs>, IReportArchive;
