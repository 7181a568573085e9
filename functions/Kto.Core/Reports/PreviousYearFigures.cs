namespace Kto.Core.Reports;

/// <summary>
/// What a draft knows of the year before, kept in its inputs so signing shows exactly what was reviewed: the
/// perceel figures of the latest signed report over <paramref name="Year"/>, read from that version's stored inputs.
/// </summary>
/// <param name="Version">The signed version compared with; null when there is no signed report over that year.</param>
/// <param name="Figures">Empty when there is no report, or when that version was signed before versions kept their inputs.</param>
public sealed record PreviousYearFigures(int Year, int? Version, IReadOnlyList<PerceelFigures> Figures)
{
    public static PreviousYearFigures None(int year) => new(year, null, []);
}
