using Kto.Core.Portal;

namespace Kto.Functions.Portal;

/// <summary>
/// verify.liquid: the check form, and after a check whether the PDF is a report the bureau signed, with what the
/// signature says. Unset values are null, so the template shows only what the check found.
/// </summary>
public sealed record ReportCheckPage
{
    public string? FormToken { get; init; }
    public string? Error { get; init; }
    public bool? Checked { get; init; }
    public string? Sha256 { get; init; }
    public bool? Recognized { get; init; }
    public string? Company { get; init; }
    public int? Year { get; init; }
    public int? Version { get; init; }
    public ShownDate? SignedAt { get; init; }
    public string? BureauName { get; init; }
    public string? SignedBy { get; init; }
    public ShownDate? TimestampedAt { get; init; }
    public string? TimestampAuthority { get; init; }
    public string? KindText { get; init; }
    public string? Norms { get; init; }
    public string? Checklist { get; init; }
    public int? LatestVersion { get; init; }
    public ShownDate? LatestSignedAt { get; init; }
}
