using System.Text;
using Kto.Core.Reports;

namespace Kto.Core.Tests.Fakes;

/// <summary>"Renders" a report as its public JSON in all three files, and keeps every report it was given.</summary>
public sealed class RecordingReportRenderer : IReportRenderer
{
    public List<AnnualReport> Rendered { get; } = [];

    public ReportFiles Render(AnnualReport report, int? version)
    {
        Rendered.Add(report);
        var json = Encoding.UTF8.GetBytes(ReportJson.Serialize(report));
        return new ReportFiles(Encoding.UTF8.GetBytes($"pdf v{version?.ToString() ?? "draft"}"), json, json);
    }
}
