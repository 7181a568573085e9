using Azure.Storage.Blobs;
using Kto.Core.Reports;

namespace Kto.Infrastructure.Reports;

/// <summary>Where the annual report for UWV is kept: <see cref="ReportVersionStore{TInputs}"/> of <see cref="ReportKind.Uwv"/>.</summary>
public sealed class ReportArchive(BlobServiceClient blobs, TableServiceClient tables)
    : ReportVersionStore<ReportDraftInputs>(blobs, tables, ReportKind.Uwv), IReportArchive
{
    public static string DraftPath(int year, string company, string draftId, string file) => DraftPath(ReportKind.Uwv, year, company, draftId, file);

    public static string VersionPath(int year, string company, int version, string file) => VersionPath(ReportKind.Uwv, year, company, version, file);
}
