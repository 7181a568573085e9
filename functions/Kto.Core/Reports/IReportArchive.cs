namespace Kto.Core.Reports;

/// <summary>
/// Where drafts and signed versions of the annual report are kept (<see cref="ReportArchive"/> in blob and table
/// storage in Kto.Infrastructure). Tests wrap it to crash between reserving a version and writing it.
/// </summary>
public interface IReportArchive
{
    /// <summary>Stores a draft's files and the inputs it was built from; the draft replaces the previous one.</summary>
    Task<ReportDraftInfo> SaveDraftAsync(string company, int year, ReportFiles files, ReportDraftInputs inputs, string checklistStatus,
        CancellationToken cancellationToken);

    Task<ReportDraftInfo?> GetDraftAsync(string company, int year, CancellationToken cancellationToken);

    Task<byte[]?> ReadDraftFileAsync(string company, int year, string draftId, string file, CancellationToken cancellationToken);

    /// <summary>The inputs the draft named by <paramref name="draftId"/> was built from; null when it is gone.</summary>
    Task<ReportDraftInputs?> ReadDraftInputsAsync(string company, int year, string draftId, CancellationToken cancellationToken);

    Task<byte[]?> ReadVersionFileAsync(string company, int year, int version, string file, CancellationToken cancellationToken);

    Task<(ReportDraftInfo? Draft, IReadOnlyList<ReportVersionInfo> Versions)> ListAsync(string company, int year, CancellationToken cancellationToken);

    /// <summary>Keeps the inputs a reserved version was built from beside its files (written once), before it is completed.</summary>
    Task SaveVersionInputsAsync(string company, int year, int version, ReportDraftInputs inputs, CancellationToken cancellationToken);

    /// <summary>The inputs a signed version was built from; null when it was signed before versions kept them.</summary>
    Task<ReportDraftInputs?> ReadVersionInputsAsync(string company, int year, int version, CancellationToken cancellationToken);

    Task<int> ReserveVersionAsync(string company, int year, string signedBy, DateTimeOffset signedAt, CancellationToken cancellationToken);

    Task CompleteVersionAsync(string company, int year, int version, ReportFiles files, string sha256, string companyName,
        DateTimeOffset signedAt, string checklistStatus, CancellationToken cancellationToken);

    Task<VerifiedReport?> FindByHashAsync(string sha256, CancellationToken cancellationToken);
}
