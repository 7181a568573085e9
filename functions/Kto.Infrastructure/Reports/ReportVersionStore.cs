using Kto.Core;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using System.Text.Json;
using Kto.Core.Reports;
using Kto.Infrastructure.Storage;

namespace Kto.Infrastructure.Reports;

/// <summary>
/// Where reports of one kind are kept, with the inputs <typeparamref name="TInputs"/> each was built from. The UWV
/// report (<see cref="ReportArchive"/>) is kept as below; the Keurmerk report the same way under <c>keurmerk/</c> in the
/// container and in partitions <c>{company}_{year}_keurmerk</c>; the verify rows of both share partition <c>verify</c>.
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
public class ReportVersionStore<TInputs>(BlobServiceClient blobs, TableServiceClient tables, ReportKind kind) : IReportVersionStore<TInputs>
    where TInputs : class, IDraftInputs
{
    private const string Draft = "draft";
    private const string DraftInputs = "inputs.json";

    private readonly BlobContainerClient container = blobs.GetBlobContainerClient(StorageNames.ReportsContainer);
    private readonly TableClient table = tables.GetTableClient(StorageNames.ReportsTable);

    public static string DraftPath(ReportKind kind, int year, string company, string draftId, string file) => $"{Prefix(kind)}{year}/{company}/{Draft}/{draftId}/{file}";

    public static string VersionPath(ReportKind kind, int year, string company, int version, string file) => $"{Prefix(kind)}{year}/{company}/v{version}/{file}";

    /// <summary>The UWV report's blobs are where they always were; another kind's under its name.</summary>
    private static string Prefix(ReportKind kind) => kind == ReportKind.Uwv ? "" : ReportRows.KindName(kind) + "/";

    private string DraftPath(int year, string company, string draftId, string file) => DraftPath(kind, year, company, draftId, file);

    private string VersionPath(int year, string company, int version, string file) => VersionPath(kind, year, company, version, file);

    private string Partition(string company, int year) => ReportRows.Partition(company, year, kind);

    /// <summary>
    /// Writes the draft's files under their own id, then points the draft row at them (create-only without a draft,
    /// else If-Match the revision the caller read), then removes the previous draft's files: a reader always finds
    /// whole files of the draft the row names, and a save made meanwhile is never overwritten. The draft row is not
    /// read again here: the conditional write finds a save made since the caller read it.
    /// </summary>
    public async Task<ReportDraftInfo?> TryReplaceDraftAsync(string company, int year, ReportFiles files, TInputs inputs,
        string checklistStatus, CurrentDraft? current, CancellationToken cancellationToken)
    {
        var info = new ReportDraftInfo(DraftIdOf(files), inputs.GeneratedAt, checklistStatus);
        // The same content (a repeat) is the same id: it is current already, with all its files.
        if (current?.Info.Id == info.Id) return current.Info;
        foreach (var file in ReportFileNames.All)
            await UploadAsync(DraftPath(year, company, info.Id, file), files[file], ReportFileNames.ContentType(file)!, overwrite: true, cancellationToken);
        await UploadAsync(DraftPath(year, company, info.Id, DraftInputs), JsonSerializer.SerializeToUtf8Bytes(inputs, KtoJson.Options),
            "application/json", overwrite: true, cancellationToken);
        try
        {
            var row = ReportRows.Draft(company, year, info, kind);
            if (current is null) await table.AddEntityAsync(row, cancellationToken);
            else await table.UpdateEntityAsync(row, new ETag(current.Revision), TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Another save came first. The same content (a repeat) is the same id: then it is current after all.
            var now = await GetDraftAsync(company, year, cancellationToken);
            if (now?.Id == info.Id) return now;
            await DeleteDraftFilesAsync(company, year, info.Id, cancellationToken);
            return null;
        }
        if (current is not null) await DeleteDraftFilesAsync(company, year, current.Info.Id, cancellationToken);
        return info;
    }

    private async Task DeleteDraftFilesAsync(string company, int year, string draftId, CancellationToken cancellationToken)
    {
        foreach (var file in ReportFileNames.All.Append(DraftInputs))
            await container.GetBlobClient(DraftPath(year, company, draftId, file)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
    }

    public async Task<CurrentDraft?> GetCurrentDraftAsync(string company, int year, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition(company, year), ReportRows.DraftRow, cancellationToken: cancellationToken);
        return found.HasValue && ReportRows.ReadDraft(found.Value!) is { } info ? new CurrentDraft(info, found.Value!.ETag.ToString()) : null;
    }

    /// <summary>The draft's identity: the SHA-256 of its report.json (which carries its figures and generation time).</summary>
    public static string DraftIdOf(ReportFiles files) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(files[ReportFileNames.Json]));

    public async Task<ReportDraftInfo?> GetDraftAsync(string company, int year, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition(company, year), ReportRows.DraftRow, cancellationToken: cancellationToken);
        return found.HasValue ? ReportRows.ReadDraft(found.Value!) : null;
    }

    public Task<byte[]?> ReadDraftFileAsync(string company, int year, string draftId, string file, CancellationToken cancellationToken) =>
        ReadAsync(DraftPath(year, company, draftId, file), cancellationToken);

    /// <summary>Null when the draft is gone, or was made before drafts kept their inputs (then run the report again).</summary>
    public async Task<TInputs?> ReadDraftInputsAsync(string company, int year, string draftId, CancellationToken cancellationToken) =>
        await ReadAsync(DraftPath(year, company, draftId, DraftInputs), cancellationToken) is { } json
            ? JsonSerializer.Deserialize<TInputs>(json, KtoJson.Options)
            : null;

    /// <summary>A signed version's file, only once its signing finished (its row has the PDF's hash): never half a version.</summary>
    public async Task<byte[]?> ReadVersionFileAsync(string company, int year, int version, string file, CancellationToken cancellationToken) =>
        await IsCompleteAsync(company, year, version, null, cancellationToken)
            ? await ReadAsync(VersionPath(year, company, version, file), cancellationToken)
            : null;

    private async Task<bool> IsCompleteAsync(string company, int year, int version, string? sha256, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition(company, year), ReportRows.VersionRow(version),
            select: ReportRows.CompletionColumns, cancellationToken: cancellationToken);
        return row.HasValue && ReportRows.CompletedSha256(row.Value!) is { } recorded && (sha256 is null || recorded == sha256);
    }

    public Task<(ReportDraftInfo? Draft, IReadOnlyList<ReportVersionInfo> Versions)> ListAsync(string company, int year, CancellationToken cancellationToken) =>
        ListAsync(Partition(company, year), cancellationToken);

    private async Task<(ReportDraftInfo? Draft, IReadOnlyList<ReportVersionInfo> Versions)> ListAsync(string partition, CancellationToken cancellationToken)
    {
        ReportDraftInfo? draft = null;
        var versions = new List<ReportVersionInfo>();
        var filter = $"PartitionKey eq {TableKeys.Quote(partition)}";
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
    public Task SaveVersionInputsAsync(string company, int year, int version, TInputs inputs, CancellationToken cancellationToken) =>
        UploadAsync(VersionPath(year, company, version, DraftInputs), JsonSerializer.SerializeToUtf8Bytes(inputs, KtoJson.Options),
            "application/json", overwrite: false, cancellationToken);

    /// <summary>Only of a version whose signing finished; null for one signed before versions kept their inputs.</summary>
    public async Task<TInputs?> ReadVersionInputsAsync(string company, int year, int version, CancellationToken cancellationToken) =>
        await IsCompleteAsync(company, year, version, null, cancellationToken)
        && await ReadAsync(VersionPath(year, company, version, DraftInputs), cancellationToken) is { } json
            ? JsonSerializer.Deserialize<TInputs>(json, KtoJson.Options)
            : null;

    /// <summary>
    /// Claims a version for one signing: the claim row <c>sign_{key}</c> and the next version row are added in one
    /// table transaction, so of identical requests at once (on any host) exactly one gets the number; the others read
    /// the claim. A stale claim (its version never completed) is taken over If-Match its ETag, again with a new number.
    /// </summary>
    public async Task<VersionClaim> ClaimVersionAsync(string company, int year, string signingKey, string draftId, string signedBy, DateTimeOffset signedAt,
        DateTimeOffset staleBefore, CancellationToken cancellationToken)
    {
        var partition = Partition(company, year);
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(partition, ReportRows.ClaimRow(signingKey), cancellationToken: cancellationToken);
            var next = await NextVersionAsync(partition, cancellationToken);
            TableTransactionAction claim;
            if (existing.HasValue)
            {
                var (claimed, claimedAt) = ReportRows.ReadClaim(existing.Value!);
                if (await IsCompleteAsync(company, year, claimed, null, cancellationToken)) return new VersionClaim(claimed, VersionClaim.States.Done);
                if (claimedAt >= staleBefore) return new VersionClaim(claimed, VersionClaim.States.Busy);
                claim = new TableTransactionAction(TableTransactionActionType.UpdateReplace,
                    ReportRows.Claim(company, year, signingKey, next, signedAt, kind), existing.Value!.ETag);
            }
            else
            {
                claim = new TableTransactionAction(TableTransactionActionType.Add, ReportRows.Claim(company, year, signingKey, next, signedAt, kind));
            }
            try
            {
                await table.SubmitTransactionAsync(
                    [new TableTransactionAction(TableTransactionActionType.Add, ReportRows.Reserved(company, year, next, draftId, signedBy, signedAt, kind)), claim],
                    cancellationToken);
                return new VersionClaim(next, VersionClaim.States.New);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another signing took this number, or another request this claim: look again.
            }
        }
        throw new InvalidOperationException("Could not claim a report version number.");
    }

    private async Task<int> NextVersionAsync(string partition, CancellationToken cancellationToken)
    {
        var filter = $"PartitionKey eq {TableKeys.Quote(partition)} and RowKey ge 'v' and RowKey lt 'w'";
        var next = 1;
        await foreach (var e in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
            next = Math.Max(next, ReportRows.VersionOf(e.RowKey) + 1);
        return next;
    }

    public async Task ReleaseClaimAsync(string company, int year, string signingKey, int version, CancellationToken cancellationToken)
    {
        var existing = await table.GetEntityIfExistsAsync<TableEntity>(Partition(company, year), ReportRows.ClaimRow(signingKey),
            cancellationToken: cancellationToken);
        if (!existing.HasValue || ReportRows.ReadClaim(existing.Value!).Version != version) return;
        try
        {
            await table.DeleteEntityAsync(existing.Value!, existing.Value!.ETag, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Gone or taken over already.
        }
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
        // The timestamp the verify page shows is the one in the signed file itself (PAdES B-T), read back once here.
        var timestamp = Signing.PdfSignatureTimestamp.Read(files.Pdf);
        await table.UpsertEntityAsync(ReportRows.Verify(sha256, company, companyName, year, version, signedAt, kind, timestamp), TableUpdateMode.Replace, cancellationToken);
        await table.UpdateEntityAsync(ReportRows.Completed(company, year, version, sha256, checklistStatus, kind), ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    /// <summary>A signed PDF of any kind by its hash (the verify row names the kind), only when its version's signing finished.</summary>
    public async Task<VerifiedReport?> FindByHashAsync(string sha256, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(ReportRows.VerifyPartition, sha256, cancellationToken: cancellationToken);
        if (!found.HasValue) return null;
        var (company, report) = ReportRows.ReadVerify(found.Value!);
        if (company is null) return null;
        // The version row says whether signing finished, and who signed (recorded when the version was reserved).
        var partition = ReportRows.Partition(company, report.Year, report.Kind);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(partition, ReportRows.VersionRow(report.Version),
            cancellationToken: cancellationToken);
        if (!row.HasValue || ReportRows.CompletedSha256(row.Value!) != sha256) return null;
        // The newest finished version of the same report: a superseded PDF is still genuine, but the reader must know.
        var latest = (await ListAsync(partition, cancellationToken)).Versions.LastOrDefault();
        return report with
        {
            SignedBy = row.Value!.GetString(ReportRows.SignedBy),
            ChecklistStatus = row.Value!.GetString(ReportRows.ChecklistStatus),
            Latest = latest is null ? null : new VerifiedReport.LatestVersion(latest.Version, latest.SignedAt),
        };
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
