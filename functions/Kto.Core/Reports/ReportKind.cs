namespace Kto.Core.Reports;

/// <summary>
/// Which report a draft or signed version is: the annual report for UWV, or the Blik op Werk Keurmerk report. Both
/// are drafted, signed, versioned and verified by the same rules; the kind keeps their drafts and versions apart.
/// </summary>
public enum ReportKind
{
    Uwv,
    Keurmerk,
}
