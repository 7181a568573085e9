namespace Kto.Core.Reports;

/// <summary>Renders one report to its three files (PDF, workbook, JSON), always together.</summary>
public interface IReportRenderer
{
    /// <param name="version">The signed version number printed on the files, or null for a draft.</param>
    ReportFiles Render(AnnualReport report, int? version);
}
