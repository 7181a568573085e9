namespace Kto.Core.Reports;

/// <summary>
/// The report's comparison with the year before: which year and signed version it was compared with, or why there is
/// no comparison (<see cref="Note"/>, shown as it is in the PDF, the workbook and the JSON).
/// </summary>
public sealed record YearComparison(int PreviousYear, int? PreviousVersion, bool Available, string? Note)
{
    public static string NoReportNote(int year) => $"geen rapport over {year}";

    public static string NoInputsNote(int year, int version) =>
        $"het rapport over {year} (versie {version}) is ondertekend voordat rapporten hun invoer bewaarden; er is geen vergelijking";

    public static YearComparison Of(PreviousYearFigures previous) => previous switch
    {
        { Version: null } => new(previous.Year, null, false, NoReportNote(previous.Year)),
        { Figures.Count: 0 } => new(previous.Year, previous.Version, false, NoInputsNote(previous.Year, previous.Version.Value)),
        _ => new(previous.Year, previous.Version, true, null),
    };
}
