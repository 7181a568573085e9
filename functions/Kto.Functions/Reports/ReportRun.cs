using Kto.Core.Reports;

namespace Kto.Functions.Reports;

/// <summary>Input of <see cref="AnnualReportOrchestration.AssembleAnnualReport"/>: a year and optionally one company.</summary>
public sealed record ReportRun(int Year, string? Company)
{
    /// <summary>Stable per year and company, so a second start finds the first and a re-run replaces its drafts.</summary>
    public string InstanceId => $"report-{Year}-{Company ?? "all"}";
}

/// <summary>Activity input: count the percelen of one company.</summary>
public sealed record CompanyTask(string Company, int Year);

/// <summary>Activity input: the counted percelen of one company, to build, render and store as its draft.</summary>
public sealed record DraftTask(string Company, int Year, IReadOnlyList<PerceelFigures> Figures, DateTimeOffset GeneratedAt);

/// <summary>Orchestration output: the companies whose drafts were made.</summary>
public sealed record ReportRunResult(int Year, IReadOnlyList<string> Companies);
