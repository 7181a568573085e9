namespace Kto.Core.Keurmerk;

/// <summary>Renders the Keurmerk report to one of its files.</summary>
public interface IKeurmerkReportRenderer
{
    byte[] Render(KeurmerkReport report, KeurmerkFormat format);

    /// <summary>All three files of a draft (<paramref name="version"/> null) or a signed version, as they are archived.</summary>
    Reports.ReportFiles RenderFiles(KeurmerkReport report, int? version);
}
