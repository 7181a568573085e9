using Kto.Core.Portal;

namespace Kto.Functions.Portal;

/// <summary>progress.liquid: a company's response per perceel and per month (with the chart), the forecast, and the opdrachtgevers.</summary>
public sealed record ProgressPage(
    CompanyLinks Company,
    int Year,
    List<ProgressPage.YearChoice> Years,
    string MinimumRate,
    ShownNumber KpiGrade,
    List<ProgressPage.PerceelFigures> Percelen,
    List<ProgressPage.MonthFigures> Months,
    ChartGeometry Chart,
    List<ProgressPage.ForecastLine> Forecast,
    ProgressPage.OpdrachtgeverFigures Opdrachtgevers)
{
    public sealed record YearChoice(int Value, bool Selected);

    /// <param name="ByEmail">Approached per mode (null before the counts existed); <see cref="Web"/> and the next two: responded per way.</param>
    public sealed record PerceelFigures(
        string Name,
        int Ended,
        int Approached,
        int Responded,
        string Rate,
        bool RateLow,
        ShownNumber? Grade,
        bool GradeLow,
        int? ByEmail,
        int? ByLetter,
        int? ByPhone,
        int? Web,
        int? Phone,
        int? Paper,
        PageText? Attempts,
        int? Unreachable);

    public sealed record MonthFigures(ShownDate Name, int Ended, int Responded);

    /// <summary>Issue 24: "Naar werk: verwachte respons 24–31 %, minimum 30 %".</summary>
    /// <param name="Risk">What is at risk, in words ("risico", "risico: gemiddeld cijfer onder 7"); null when nothing is.</param>
    public sealed record ForecastLine(string Name, string Range, string Minimum, PageText? Risk);

    public sealed record OpdrachtgeverFigures(int Count, int Approached, int Responded, string Rate, ShownNumber? Grade, string KeurmerkUrl);
}
