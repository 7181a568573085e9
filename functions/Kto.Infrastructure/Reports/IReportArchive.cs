namespace Kto.Infrastructure.Reports;

/// <summary>
/// Where drafts and signed versions of the annual report are kept (<see cref="ReportArchive"/> in blob and table
/// storage). An interface so tests can wrap it and crash between reserving a version and writing it.
/// </summary>
public interface IReportArchive
{
    Task<ReportDraftInfo> SaveDraftAsync(string company, int year, ReportFiles files, DateTimeOffset generatedAt, string checklistStatus,
        CancellationToken cancellationToken);

    Task<ReportDraftInfo?> GetDraftAsync(string company, int year, CancellationToken cancellationToken);

    Task<byte[]?> ReadDraftFileAsync(string company, int year, string draftId, string file, CancellationToken cancellationToken);

    Task<byte[]?> ReadVersionFileAsync(string company, int year, int version, string file, CancellationToken cancellationToken);

    Task<(ReportDraftInfo? Draft, IReadOnlyList<ReportVersionInfo> Versions)> ListAsync(string company, int year, CancellationToken cancellationToken);

    Task<int> ReserveVersionAsync(string company, int year, string signedBy, DateTimeOffset signedAt, CancellationToken cancellationToken);

    Task CompleteVersionAsync(string company, int year, int version, ReportFiles files, string sha256, string companyName,
        DateTimeOffset signedAt, string checklistStatus, CancellationToken cancellationToken);

    Task<VerifiedReport?> FindByHashAsync(string sha256, CancellationToken cancellationToken);
}
