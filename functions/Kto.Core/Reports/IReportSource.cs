namespace Kto.Core.Reports;

/// <summary>Reads the ended services of one company, year and perceel for the report.</summary>
public interface IReportSource
{
    IAsyncEnumerable<ReportServiceRow> ServicesAsync(string company, int year, Perceel perceel, CancellationToken cancellationToken);
}
