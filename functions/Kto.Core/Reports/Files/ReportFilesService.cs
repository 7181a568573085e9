namespace Kto.Core.Reports;

/// <summary>Reading the annual report's files back: the draft and its versions, one file to download, a signed version as its report, and verifying a signed PDF.</summary>
public sealed class ReportFilesService(IReportArchive archive)
{
    public Task<(ReportDraftInfo? Draft, IReadOnlyList<ReportVersionInfo> Versions)> ListAsync(string company, int year, CancellationToken cancellationToken) =>
        archive.ListAsync(company, year, cancellationToken);

    /// <summary>
    /// One file of the version asked for; <see cref="ReportVersionChoice.Latest"/> is the latest signed version, or the
    /// draft while nothing is signed. Null when that file does not exist (yet).
    /// </summary>
    public async Task<ReportFile?> ReadFileAsync(string company, int year, ReportVersionChoice choice, string file, CancellationToken cancellationToken)
    {
        var version = choice.Kind switch
        {
            ReportVersionKind.Signed => choice.Number,
            ReportVersionKind.Latest => (await archive.ListAsync(company, year, cancellationToken)).Versions.LastOrDefault()?.Version,
            _ => null,
        };
        var content = version is { } v
            ? await archive.ReadVersionFileAsync(company, year, v, file, cancellationToken)
            : await archive.GetDraftAsync(company, year, cancellationToken) is { } draft
                ? await archive.ReadDraftFileAsync(company, year, draft.Id, file, cancellationToken)
                : null;
        return content is null ? null : new ReportFile(content, version);
    }

    /// <summary>A signed version as its report.json shows it (checklist with the conclusion and signature); null when it is not there.</summary>
    public async Task<AnnualReport?> VersionReportAsync(string company, int year, int version, CancellationToken cancellationToken) =>
        await archive.ReadVersionFileAsync(company, year, version, ReportFileNames.Json, cancellationToken) is { } json
            ? ReportJson.Deserialize(System.Text.Encoding.UTF8.GetString(json))
            : null;

    /// <summary>A signed PDF of any report kind (UWV or Keurmerk) by its SHA-256; null when it is not one of ours.</summary>
    public Task<VerifiedReport?> VerifyAsync(string sha256, CancellationToken cancellationToken) =>
        archive.FindByHashAsync(sha256.ToLowerInvariant(), cancellationToken);

    public static string Sha256(byte[] content) => ReportVersionSigner.Sha256(content);
}
