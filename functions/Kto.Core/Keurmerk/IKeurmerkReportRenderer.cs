namespace Kto.Core.Keurmerk;

/// <summary>Renders the Keurmerk report to one of its files.</summary>
public interface IKeurmerkReportRenderer
{
    byte[] Render(KeurmerkReport report, KeurmerkFormat format);
}
