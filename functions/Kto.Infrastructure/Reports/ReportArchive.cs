using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Kto.Infrastructure.Storage;

namespace Kto.Infrastructure.Reports;

/// <summary>
/// Where reports are kept.
/// <list type="bullet">
/// <item>Blobs (container <c>reports</c>): <c>{year}/{company}/draft/report.pdf|xlsx|json</c>, replaced by each run;
/// <c>{year}/{company}/v{n}/report.pdf|xlsx|json</c> for signed version n, written once and never again.</item>
/// <item>Table <c>reports</c>: partition <c>{company}_{year}</c> with row <c>draft</c> and rows <c>v0001</c>, <c>v0002</c>…
/// (signer, time, SHA-256 of the PDF); partition <c>verify</c> with one row per signed PDF's SHA-256, so verifying is
/// one point read.</item>
/// </list>
/// </summary>
public sealed class ReportArchive(BlobServiceClient blobs, TableServiceClient tables)
{
    private const string DraftRow = "draft";
    private const string VerifyPartition = "verify";
    private const string Draft = "draft";

    private readonly BlobContainerClient container = blobs.GetBlobContainerClient(StorageNames.ReportsContainer);
    private readonly TableClient table = tables.GetTableClient(StorageNames.ReportsTable);

    public static string DraftPath(int year, string company, string file) => $"{year}/{company}/{Draft}/{file}";

    public static string VersionPath(int year, string company, int version, string file) => $"{year}/{company}/v{version}/{file}";

    private static string VersionRow(int version) => $"v{version:D4}";

    public async Task SaveDraftAsync(string company, int year, ReportFiles files, ReportDraftInfo info, CancellationToken cancellationToken)
    {
        foreach (var file in ReportFileNames.All)
            await UploadAsync(DraftPath(year, company, file), files[file], file, overwrite: true, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(TableKeys.CompanyYear(company, year), DraftRow)
        {
            ["GeneratedAt"] = info.GeneratedAt,
            ["ChecklistStatus"] = info.ChecklistStatus,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<(ReportDraftInfo? Draft, IReadOnlyList<ReportVersionInfo> Versions)> ListAsync(string company, int year, CancellationToken cancellationToken)
    {
        ReportDraftInfo? draft = null;
        var versions = new List<ReportVersionInfo>();
        var filter = $"PartitionKey eq {TableKeys.Quote(TableKeys.CompanyYear(company, year))}";
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (e.RowKey == DraftRow)
                draft = new ReportDraftInfo(e.GetDateTimeOffset("GeneratedAt") ?? default, e.GetString("ChecklistStatus") ?? "");
            else if (e.GetString("Sha256") is { Length: > 0 } sha) // a version whose signing did not finish has no hash: not issued
                versions.Add(new ReportVersionInfo(e.GetInt32("Version") ?? 0, e.GetString("SignedBy"), e.GetDateTimeOffset("SignedAt") ?? default,
                    sha, e.GetString("ChecklistStatus") ?? ""));
        }
        return (draft, versions.OrderBy(v => v.Version).ToList());
    }

    public async Task<byte[]?> ReadAsync(string path, CancellationToken cancellationToken)
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

    /// <summary>
    /// Reserves the next version number: the row is added (never replaced), so two signings at once get two numbers.
    /// </summary>
    public async Task<int> ReserveVersionAsync(string company, int year, string signedBy, DateTimeOffset signedAt, CancellationToken cancellationToken)
    {
        var partition = TableKeys.CompanyYear(company, year);
        var filter = $"PartitionKey eq {TableKeys.Quote(partition)} and RowKey ge 'v' and RowKey lt 'w'";
        var next = 1;
        await foreach (var e in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
            next = Math.Max(next, int.Parse(e.RowKey[1..]) + 1);
        for (var attempt = 0; attempt < 10; attempt++, next++)
        {
            try
            {
                await table.AddEntityAsync(new TableEntity(partition, VersionRow(next))
                {
                    ["Version"] = next,
                    ["SignedBy"] = signedBy,
                    ["SignedAt"] = signedAt,
                }, cancellationToken);
                return next;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // Another signing took this number; try the next.
            }
        }
        throw new InvalidOperationException("Could not reserve a report version number.");
    }

    /// <summary>Writes the files of a reserved version (create-only), then records the PDF's hash for verification.</summary>
    public async Task CompleteVersionAsync(string company, int year, int version, ReportFiles files, string sha256, string companyName,
        DateTimeOffset signedAt, string checklistStatus, CancellationToken cancellationToken)
    {
        foreach (var file in ReportFileNames.All)
            await UploadAsync(VersionPath(year, company, version, file), files[file], file, overwrite: false, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(VerifyPartition, sha256)
        {
            ["Company"] = company,
            ["CompanyName"] = companyName,
            ["Year"] = year,
            ["Version"] = version,
            ["SignedAt"] = signedAt,
        }, TableUpdateMode.Replace, cancellationToken);
        await table.UpdateEntityAsync(new TableEntity(TableKeys.CompanyYear(company, year), VersionRow(version))
        {
            ["Sha256"] = sha256,
            ["ChecklistStatus"] = checklistStatus,
        }, ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    public async Task<VerifiedReport?> FindByHashAsync(string sha256, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(VerifyPartition, sha256, cancellationToken: cancellationToken);
        if (!found.HasValue) return null;
        var e = found.Value!;
        return new VerifiedReport(e.GetString("CompanyName"), e.GetInt32("Year") ?? 0, e.GetInt32("Version") ?? 0, e.GetDateTimeOffset("SignedAt") ?? default);
    }

    private async Task UploadAsync(string path, byte[] content, string file, bool overwrite, CancellationToken cancellationToken)
    {
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = ReportFileNames.ContentType(file) },
            // A signed version is written once: If-None-Match * makes a second write fail instead of replacing it.
            Conditions = overwrite ? null : new BlobRequestConditions { IfNoneMatch = ETag.All },
        };
        await container.GetBlobClient(path).UploadAsync(new BinaryData(content), options, cancellationToken);
    }
}
