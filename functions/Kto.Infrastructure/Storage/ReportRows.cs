using Kto.Core.Reports;

namespace Kto.Infrastructure.Storage;

/// <summary>
/// The one mapper of the reports table: per <c>{company}_{year}</c> a <c>draft</c> row and version rows
/// <c>v0001</c>, <c>v0002</c>… (reserved first, the PDF's SHA-256 merged in last as the commit point), the same rows
/// for the Keurmerk report per <c>{company}_{year}_keurmerk</c>; partition <c>verify</c> has one row per signed PDF's
/// SHA-256 of either kind (column <c>Kind</c>; none: UWV). Open answers the bureau hid are rows <c>hidden_{answer id}</c>
/// in the company's partition (no hash column, so never read as a version).
/// </summary>
public static class ReportRows
{
    public const string DraftRow = "draft";
    public const string VerifyPartition = "verify";
    public const string DraftId = "DraftId";
    public const string GeneratedAt = "GeneratedAt";
    public const string ChecklistStatus = "ChecklistStatus";
    public const string Version = "Version";
    public const string SignedBy = "SignedBy";
    public const string SignedAt = "SignedAt";
    public const string Sha256 = "Sha256";
    public const string Company = "Company";
    public const string CompanyName = "CompanyName";
    public const string Year = "Year";
    public const string Kind = "Kind";

    /// <summary>What the version check reads: only the commit point.</summary>
    public static readonly IReadOnlyList<string> CompletionColumns = [Sha256];

    /// <summary>The partition of one report: <c>{company}_{year}</c> for UWV (as ever), <c>{company}_{year}_keurmerk</c> for the Keurmerk report.</summary>
    public static string Partition(string company, int year, ReportKind kind = ReportKind.Uwv) =>
        kind == ReportKind.Uwv ? TableKeys.CompanyYear(company, year) : $"{TableKeys.CompanyYear(company, year)}_{KindName(kind)}";

    /// <summary>The kind as the verify row and the API name it: <c>uwv</c>, <c>keurmerk</c>.</summary>
    public static string KindName(ReportKind kind) => ReportKinds.Name(kind);

    /// <summary>A verify row without a kind was written before there were kinds: a UWV report.</summary>
    public static ReportKind ReadKind(string? name) => Enum.TryParse<ReportKind>(name, ignoreCase: true, out var kind) ? kind : ReportKind.Uwv;

    public static string VersionRow(int version) => $"v{version:D4}";

    /// <summary>The version a version row's key names (<c>v0012</c> → 12).</summary>
    public static int VersionOf(string rowKey) => int.Parse(rowKey[1..], System.Globalization.CultureInfo.InvariantCulture);

    public static TableEntity Draft(string company, int year, ReportDraftInfo draft, ReportKind kind = ReportKind.Uwv) => new(Partition(company, year, kind), DraftRow)
    {
        [DraftId] = draft.Id,
        [GeneratedAt] = draft.GeneratedAt,
        [ChecklistStatus] = draft.ChecklistStatus,
    };

    /// <summary>Null for a draft row from before drafts had an id: run the report again.</summary>
    public static ReportDraftInfo? ReadDraft(TableEntity e) =>
        e.GetString(DraftId) is { Length: > 0 } id
            ? new ReportDraftInfo(id, e.GetDateTimeOffset(GeneratedAt) ?? default, e.GetString(ChecklistStatus) ?? "")
            : null;

    public static TableEntity Reserved(string company, int year, int version, string draftId, string signedBy, DateTimeOffset signedAt,
        ReportKind kind = ReportKind.Uwv) =>
        new(Partition(company, year, kind), VersionRow(version))
        {
            [Version] = version,
            [DraftId] = draftId,
            [SignedBy] = signedBy,
            [SignedAt] = signedAt,
        };

    /// <summary>The merge that completes a version: the PDF's hash is the commit point.</summary>
    public static TableEntity Completed(string company, int year, int version, string sha256, string checklistStatus, ReportKind kind = ReportKind.Uwv) =>
        new(Partition(company, year, kind), VersionRow(version))
        {
            [Sha256] = sha256,
            [ChecklistStatus] = checklistStatus,
        };

    /// <summary>The PDF hash a version row was completed with; null while its signing has not finished.</summary>
    public static string? CompletedSha256(TableEntity e) => e.GetString(Sha256) is { Length: > 0 } sha ? sha : null;

    /// <summary>Null for a version whose signing did not finish (no hash): not issued.</summary>
    public static ReportVersionInfo? ReadVersion(TableEntity e) =>
        CompletedSha256(e) is { } sha
            ? new ReportVersionInfo(e.GetInt32(Version) ?? 0, e.GetString(SignedBy), e.GetDateTimeOffset(SignedAt) ?? default, sha, e.GetString(ChecklistStatus) ?? "",
                e.GetString(DraftId))
            : null;

    public const string TimestampedAt = "TimestampedAt";
    public const string TimestampAuthority = "TimestampAuthority";

    /// <param name="timestamp">The signature's timestamp as read back from the signed PDF; null when it has none (PAdES B-B).</param>
    public static TableEntity Verify(string sha256, string company, string companyName, int year, int version, DateTimeOffset signedAt,
        ReportKind kind = ReportKind.Uwv, ReportPdfTimestamp? timestamp = null)
    {
        var row = new TableEntity(VerifyPartition, sha256)
        {
            [Kind] = KindName(kind),
            [Company] = company,
            [CompanyName] = companyName,
            [Year] = year,
            [Version] = version,
            [SignedAt] = signedAt,
        };
        if (timestamp is not null)
        {
            row[TimestampedAt] = timestamp.At;
            row[TimestampAuthority] = timestamp.Authority;
        }
        return row;
    }

    /// <summary>The company is null on a row not written by this code: nothing to verify against.</summary>
    public static (string? Company, VerifiedReport Report) ReadVerify(TableEntity e) =>
        (e.GetString(Company), new VerifiedReport(e.GetString(CompanyName), e.GetInt32(Year) ?? 0, e.GetInt32(Version) ?? 0, e.GetDateTimeOffset(SignedAt) ?? default,
            Kind: ReadKind(e.GetString(Kind)),
            Timestamp: e.GetDateTimeOffset(TimestampedAt) is { } at ? new ReportPdfTimestamp(at, e.GetString(TimestampAuthority) ?? "") : null));

    public const string ClaimPrefix = "sign_";
    public const string ClaimedAt = "ClaimedAt";

    /// <summary>The claim of one signing (its key: draft, signer, conclusion): which version it got. No hash column, so never read as a version.</summary>
    public static string ClaimRow(string signingKey) => ClaimPrefix + signingKey;

    public static TableEntity Claim(string company, int year, string signingKey, int version, DateTimeOffset claimedAt, ReportKind kind = ReportKind.Uwv) =>
        new(Partition(company, year, kind), ClaimRow(signingKey))
        {
            [Version] = version,
            [ClaimedAt] = claimedAt,
        };

    public static (int Version, DateTimeOffset ClaimedAt) ReadClaim(TableEntity e) =>
        (e.GetInt32(Version) ?? 0, e.GetDateTimeOffset(ClaimedAt) ?? default);

    public const string HiddenPrefix = "hidden_";
    public const string AnswerId = "AnswerId";
    public const string HiddenBy = "HiddenBy";
    public const string Reason = "Reason";
    public const string HiddenAt = "HiddenAt";

    /// <summary>The filter for a company's hidden answers of one year: row keys from <c>hidden_</c> up to the next character.</summary>
    public static string HiddenFilter(string company, int year) =>
        $"PartitionKey eq {TableKeys.Quote(Partition(company, year))} and RowKey ge '{HiddenPrefix}' and RowKey lt 'hidden`'";

    public static TableEntity Hidden(string company, int year, HiddenAnswer hidden) => new(Partition(company, year), HiddenPrefix + hidden.AnswerId)
    {
        [AnswerId] = hidden.AnswerId,
        [HiddenBy] = hidden.HiddenBy,
        [Reason] = hidden.Reason,
        [HiddenAt] = hidden.HiddenAt,
    };

    public static HiddenAnswer ReadHidden(TableEntity e) => new(
        e.GetString(AnswerId) ?? e.RowKey[HiddenPrefix.Length..], e.GetString(HiddenBy) ?? "", e.GetString(Reason) ?? "",
        e.GetDateTimeOffset(HiddenAt) ?? default);
}
