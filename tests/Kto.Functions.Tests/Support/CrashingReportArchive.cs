using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Kto.Core.Reports;
using Kto.Infrastructure.Reports;
using Kto.Infrastructure.Storage;

namespace Kto.Functions.Tests.Support;

/// <summary>
/// The real report archive, except that completing a version "crashes" half-way: the version's PDF and its verify
/// row are written, as the real archive does first, and then the process dies before the rest (here: an exception).
/// </summary>
public sealed class CrashingReportArchive(IReportArchive inner, BlobServiceClient blobs, TableServiceClient tables) : IReportArchive
{
    public int? ReservedVersion { get; private set; }
    public byte[]? HalfWrittenPdf { get; private set; }

    public async Task CompleteVersionAsync(string company, int year, int version, ReportFiles files, string sha256, string companyName,
        DateTimeOffset signedAt, string checklistStatus, CancellationToken cancellationToken)
    {
        HalfWrittenPdf = files.Pdf;
        await blobs.GetBlobContainerClient(StorageNames.ReportsContainer)
            .GetBlobClient(ReportArchive.VersionPath(year, company, version, ReportFileNames.Pdf))
            .UploadAsync(new BinaryData(files.Pdf), cancellationToken);
        await tables.GetTableClient(StorageNames.ReportsTable).UpsertEntityAsync(ReportRows.Verify(sha256, company, companyName, year, version, signedAt), TableUpdateMode.Replace, cancellationToken);
        throw new IOException("Simulated crash between reserving a version and writing it.");
    }

    public async Task<VersionClaim> ClaimVersionAsync(string company, int year, string signingKey, string draftId, string signedBy, DateTimeOffset signedAt,
        DateTimeOffset staleBefore, CancellationToken cancellationToken)
    {
        var claim = await inner.ClaimVersionAsync(company, year, signingKey, draftId, signedBy, signedAt, staleBefore, cancellationToken);
        ReservedVersion = claim.Version;
        return claim;
    }

    public Task ReleaseClaimAsync(string company, int year, string signingKey, int version, CancellationToken cancellationToken) =>
        inner.ReleaseClaimAsync(company, year, signingKey, version, cancellationToken);

    public Task SaveVersionInputsAsync(string company, int year, int version, ReportDraftInputs inputs, CancellationToken cancellationToken) =>
        inner.SaveVersionInputsAsync(company, year, version, inputs, cancellationToken);

    public Task<ReportDraftInputs?> ReadVersionInputsAsync(string company, int year, int version, CancellationToken cancellationToken) =>
        inner.ReadVersionInputsAsync(company, year, version, cancellationToken);

    public Task<ReportDraftInfo?> TryReplaceDraftAsync(string company, int year, ReportFiles files, ReportDraftInputs inputs, string checklistStatus,
        CurrentDraft? current, CancellationToken cancellationToken) =>
        inner.TryReplaceDraftAsync(company, year, files, inputs, checklistStatus, current, cancellationToken);

    public Task<CurrentDraft?> GetCurrentDraftAsync(string company, int year, CancellationToken cancellationToken) =>
        inner.GetCurrentDraftAsync(company, year, cancellationToken);

    public Task<ReportDraftInputs?> ReadDraftInputsAsync(string company, int year, string draftId, CancellationToken cancellationToken) =>
        inner.ReadDraftInputsAsync(company, year, draftId, cancellationToken);

    public Task<ReportDraftInfo?> GetDraftAsync(string company, int year, CancellationToken cancellationToken) =>
        inner.GetDraftAsync(company, year, cancellationToken);

    public Task<byte[]?> ReadDraftFileAsync(string company, int year, string draftId, string file, CancellationToken cancellationToken) =>
        inner.ReadDraftFileAsync(company, year, draftId, file, cancellationToken);

    public Task<byte[]?> ReadVersionFileAsync(string company, int year, int version, string file, CancellationToken cancellationToken) =>
        inner.ReadVersionFileAsync(company, year, version, file, cancellationToken);

    public Task<(ReportDraftInfo? Draft, IReadOnlyList<ReportVersionInfo> Versions)> ListAsync(string company, int year, CancellationToken cancellationToken) =>
        inner.ListAsync(company, year, cancellationToken);

    public Task<VerifiedReport?> FindByHashAsync(string sha256, CancellationToken cancellationToken) => inner.FindByHashAsync(sha256, cancellationToken);
}
