using Kto.Core.Reports;

namespace Kto.Functions.Reports;

/// <summary>Input of <see cref="AnnualReportOrchestration.AssembleAnnualReport"/>: a year and optionally one company.</summary>
public sealed record ReportRun(int Year, string? Company)
{
    /// <summary>Stable per year and company, so a second start finds the first and a re-run replaces its drafts.</summary>
    public string InstanceId => $"report-{Year}-{Company ?? "all"}";
}

/// <summary>One company of a run.</summary>
public sealed record CompanyTask(string Company, int Year);

/// <summary>Activity input: one company's draft, counted from its rows as they are now, stamped with the run's time.</summary>
public sealed record DraftTask(string Company, int Year, DateTimeOffset GeneratedAt);

/// <summary>Orchestration output: the companies whose drafts were made.</summary>
public sealed record ReportRunResult(int Year, IReadOnlyList<string> Companies);
