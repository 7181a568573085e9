using Kto.Core;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using System.Text.Json;
using Kto.Core.Reports;
using Kto.Infrastructure.Storage;

namespace Kto.Infrastructure.Reports;

/// <summary>
/// Where reports are kept.
/// <list type="bullet">
/// <item>Blobs (container <c>reports</c>): <c>{year}/{company}/draft/{draft id}/report.pdf|xlsx|json</c>, where the
/// draft id is the SHA-256 of the draft's report.json: a new draft is a new folder, so what a draft id names never
/// changes under a reader or a signer; beside them <c>inputs.json</c>, the figures the draft was built from, which
/// signing rebuilds the report from (internal, never served); <c>{year}/{company}/v{n}/report.pdf|xlsx|json</c> for signed version n, written
/// once and never again, with its <c>inputs.json</c> (what next year's comparison reads; internal, never served).</item>
/// <item>Table <c>reports</c>: partition <c>{company}_{year}</c> with row <c>draft</c> (the current draft id) and rows
/// <c>v0001</c>, <c>v0002</c>… (signer, time, SHA-256 of the PDF; a version without the hash is a signing that did
/// not finish and is never served); partition <c>verify</c> with one row per signed PDF's SHA-256.</item>
/// </list>
/// </summary>
public sealed class ReportArchive(BlobServiceClient blobs, TableServiceClient tables) : IReportArchive
{
    private const string Draft = "draft";
    private const string DraftInputs = "inputs.json";

    private readonly BlobContainerClient container = blobs.GetBlobContainerClient(StorageNames.ReportsContainer);
    private readonly TableClient table = tables.GetTableClient(StorageNames.ReportsTable);

    public static string DraftPath(int year, string company, string draftId, string file) => $"{year}/{company}/{Draft}/{draftId}/{file}";

    public static string VersionPath(int year, string company, int version, string file) => $"{year}/{company}/v{version}/{file}";

    /// <summary>
    /// Writes the draft's files under their own id, then points the draft row at them, then removes the previous
    /// draft's files: a reader always finds whole files of the draft the row names.
    /// </summary>
    public async Task<ReportDraftInfo> SaveDraftAsync(string company, int year, ReportFiles files, ReportDraftInputs inputs, string checklistStatus,
        CancellationToken cancellationToken)
    {
        var info = new ReportDraftInfo(DraftIdOf(files), inputs.GeneratedAt, checklistStatus);
        var previous = await GetDraftAsync(company, year, cancellationToken);
        foreach (var file in ReportFileNames.All)
            await UploadAsync(DraftPath(year, company, info.Id, file), files[file], ReportFileNames.ContentType(file)!, overwrite: true, cancellationToken);
        await UploadAsync(DraftPath(year, company, info.Id, DraftInputs), JsonSerializer.SerializeToUtf8Bytes(inputs, KtoJson.Options),
            "application/json", overwrite: true, cancellationToken);
        await table.UpsertEntityAsync(ReportRows.Draft(company, year, info), TableUpdateMode.Replace, cancellationToken);
        // A retried run writes the same content, so the same id: never delete what the row now names.
        if (previous is not null && previous.Id != info.Id)
            foreach (var file in ReportFileNames.All.Append(DraftInputs))
                await container.GetBlobClient(DraftPath(year, company, previous.Id, file)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        return info;
    }

    /// <summary>The draft's identity: the SHA-256 of its report.json (which carries its figures and generation time).</summary>
    public static string DraftIdOf(ReportFiles files) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(files[ReportFileNames.Json]));

    public async Task<ReportDraftInfo?> GetDraftAsync(string company, int year, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(ReportRows.Partition(company, year), ReportRows.DraftRow, cancellationToken: cancellationToken);
        return found.HasValue ? ReportRows.ReadDraft(found.Value!) : null;
    }

    public Task<byte[]?> ReadDraftFileAsync(string company, int year, string draftId, string file, CancellationToken cancellationToken) =>
        ReadAsync(DraftPath(year, company, draftId, file), cancellationToken);

    /// <summary>Null when the draft is gone, or was made before drafts kept their inputs (then run the report again).</summary>
    public async Task<ReportDraftInputs?> ReadDraftInputsAsync(string company, int year, string draftId, CancellationToken cancellationToken) =>
        await ReadAsync(DraftPath(year, company, draftId, DraftInputs), cancellationToken) is { } json
            ? JsonSerializer.Deserialize<ReportDraftInputs>(json, KtoJson.Options)
            : null;

    /// <summary>A signed version's file, only once its signing finished (its row has the PDF's hash): never half a version.</summary>
    public async Task<byte[]?> ReadVersionFileAsync(string company, int year, int version, string file, CancellationToken cancellationToken) =>
        await IsCompleteAsync(company, year, version, null, cancellationToken)
            ? await ReadAsync(VersionPath(year, company, version, file), cancellationToken)
            : null;

    private async Task<bool> IsCompleteAsync(string company, int year, int version, string? sha256, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(ReportRows.Partition(company, year), ReportRows.VersionRow(version),
            select: ReportRows.CompletionColumns, cancellationToken: cancellationToken);
        return row.HasValue && ReportRows.CompletedSha256(row.Value!) is { } recorded && (sha256 is null || recorded == sha256);
    }

    public async Task<(ReportDraftInfo? Draft, IReadOnlyList<ReportVersionInfo> Versions)> ListAsync(string company, int year, CancellationToken cancellationToken)
    {
        ReportDraftInfo? draft = null;
        var versions = new List<ReportVersionInfo>();
        var filter = $"PartitionKey eq {TableKeys.Quote(ReportRows.Partition(company, year))}";
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (e.RowKey == ReportRows.DraftRow)
                draft = ReportRows.ReadDraft(e);
            else if (ReportRows.ReadVersion(e) is { } version) // a version whose signing did not finish has no hash: not issued
                versions.Add(version);
        }
        return (draft, versions.OrderBy(v => v.Version).ToList());
    }

    private async Task<byte[]?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var blob = container.GetBlobClient(path);
        try
        {
            var content = await blob.DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The inputs of a reserved version, create-only beside its files (a retry after a crash signs the next version).</summary>
    public Task SaveVersionInputsAsync(string company, int year, int version, ReportDraftInputs inputs, CancellationToken cancellationToken) =>
        UploadAsync(VersionPath(year, company, version, DraftInputs), JsonSerializer.SerializeToUtf8Bytes(inputs, KtoJson.Options),
            "application/json", overwrite: false, cancellationToken);

    /// <summary>Only of a version whose signing finished; null for one signed before versions kept their inputs.</summary>
    public async Task<ReportDraftInputs?> ReadVersionInputsAsync(string company, int year, int version, CancellationToken cancellationToken) =>
        await IsCompleteAsync(company, year, version, null, cancellationToken)
        && await ReadAsync(VersionPath(year, company, version, DraftInputs), cancellationToken) is { } json
            ? JsonSerializer.Deserialize<ReportDraftInputs>(json, KtoJson.Options)
            : null;

    /// <summary>
    /// Reserves the next version number: the row is added (never replaced), so two signings at once get two numbers.
    /// </summary>
    public async Task<int> ReserveVersionAsync(string company, int year, string signedBy, DateTimeOffset signedAt, CancellationToken cancellationToken)
    {
        var partition = ReportRows.Partition(company, year);
        var filter = $"PartitionKey eq {TableKeys.Quote(partition)} and RowKey ge 'v' and RowKey lt 'w'";
        var next = 1;
        await foreach (var e in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
            next = Math.Max(next, ReportRows.VersionOf(e.RowKey) + 1);
        for (var attempt = 0; attempt < 10; attempt++, next++)
        {
            try
            {
                await table.AddEntityAsync(ReportRows.Reserved(company, year, next, signedBy, signedAt), cancellationToken);
                return next;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // Another signing took this number; try the next.
            }
        }
        throw new InvalidOperationException("Could not reserve a report version number.");
    }

    /// <summary>
    /// Writes the files of a reserved version (create-only), the verify row, and last the PDF's hash on the version
    /// row: that hash is the commit point. Until it is written the version is not listed, not served and not verified,
    /// so a crash anywhere before it leaves no half version anyone can download.
    /// </summary>
    public async Task CompleteVersionAsync(string company, int year, int version, ReportFiles files, string sha256, string companyName,
        DateTimeOffset signedAt, string checklistStatus, CancellationToken cancellationToken)
    {
        foreach (var file in ReportFileNames.All)
            await UploadAsync(VersionPath(year, company, version, file), files[file], ReportFileNames.ContentType(file)!, overwrite: false, cancellationToken);
        await table.UpsertEntityAsync(ReportRows.Verify(sha256, company, companyName, year, version, signedAt), TableUpdateMode.Replace, cancellationToken);
        await table.UpdateEntityAsync(ReportRows.Completed(company, year, version, sha256, checklistStatus), ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    /// <summary>A signed PDF by its hash, only when its version's signing finished.</summary>
    public async Task<VerifiedReport?> FindByHashAsync(string sha256, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(ReportRows.VerifyPartition, sha256, cancellationToken: cancellationToken);
        if (!found.HasValue) return null;
        var (company, report) = ReportRows.ReadVerify(found.Value!);
        if (company is null) return null;
        // The version row says whether signing finished, and who signed (recorded when the version was reserved).
        var row = await table.GetEntityIfExistsAsync<TableEntity>(ReportRows.Partition(company, report.Year), ReportRows.VersionRow(report.Version),
            cancellationToken: cancellationToken);
        if (!row.HasValue || ReportRows.CompletedSha256(row.Value!) != sha256) return null;
        return report with { SignedBy = row.Value!.GetString(ReportRows.SignedBy) };
    }

    private async Task UploadAsync(string path, byte[] content, string contentType, bool overwrite, CancellationToken cancellationToken)
    {
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            // A signed version is written once: If-None-Match * makes a second write fail instead of replacing it.
            Conditions = overwrite ? null : new BlobRequestConditions { IfNoneMatch = ETag.All },
        };
        await container.GetBlobClient(path).UploadAsync(new BinaryData(content), options, cancellationToken);
    }
}
