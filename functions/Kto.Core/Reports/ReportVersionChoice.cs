namespace Kto.Core.Reports;

/// <summary>Which version of a report a download asks for.</summary>
public sealed record ReportVersionChoice
{
    private ReportVersionChoice(ReportVersionKind kind, int? number) => (Kind, Number) = (kind, number);

    public ReportVersionKind Kind { get; }

    /// <summary>The signed version number, for <see cref="ReportVersionKind.Signed"/>.</summary>
    public int? Number { get; }

    /// <summary>The latest signed version, or the draft while nothing is signed.</summary>
    public static ReportVersionChoice Latest { get; } = new(ReportVersionKind.Latest, null);

    public static ReportVersionChoice Draft { get; } = new(ReportVersionKind.Draft, null);

    public static ReportVersionChoice Signed(int number) => new(ReportVersionKind.Signed, number);
}
