namespace Kto.Core.Reports;

/// <summary>Reads the ended services of one company and year for the report, every perceel in one read.</summary>
public interface IReportSource
{
    IAsyncEnumerable<ReportServiceRow> ServicesAsync(string company, int year, CancellationToken cancellationToken);
}
