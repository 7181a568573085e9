using Kto.Core.Portal;

namespace Kto.Functions.Portal;

/// <summary>
/// bureau-report.liquid: a company's report for a year: the draft with its UWV checklist and exemptions, the
/// signing form, the open answers, and every signed version.
/// </summary>
public sealed record BureauReportPage(
    CompanyHeading Company,
    int Year,
    string? Notice,
    string? Error,
    PageText? ConclusionError,
    string? Conclusion,
    string Signer,
    bool Running,
    BureauReportPage.DraftMade? Draft,
    BureauReportPage.SignedDraft? Signed,
    List<BureauReportPage.Check>? Checks,
    List<BureauReportPage.Exemption>? Exemptions,
    int OpenAnswersCount,
    int HiddenCount,
    string OpenAnswersUrl,
    List<BureauReportPage.SignedVersion> Versions)
{
    public sealed record DraftMade(string Id, ShownDate GeneratedAt, string Pdf, string Status);

    /// <summary>The version signed from the draft shown.</summary>
    public sealed record SignedDraft(int Version, string? SignedBy, ShownDate SignedAt, string Pdf);

    /// <param name="StatusClass">The status as a CSS class: passed, pending, failed.</param>
    public sealed record Check(int Number, string Title, string Status, string StatusClass, string Explanation);

    /// <param name="Letter">Where the exemption request letter for the perceel is downloaded.</param>
    public sealed record Exemption(string Perceel, int Ended, string Letter);

    public sealed record SignedVersion(int Version, string? SignedBy, ShownDate SignedAt, string Sha256, string Pdf);
}
