using Kto.Core.Portal;

namespace Kto.Functions.Portal;

/// <summary>
/// bureau-overview.liquid: what needs attention, and per company its deliveries, response per perceel and what to do;
/// <see cref="Counting"/> companies whose figures are still being counted (the page then refreshes itself).
/// </summary>
public sealed record BureauOverviewPage(
    int Year,
    ShownDate? FiguresAt,
    bool Refreshing,
    ShownDate? RefreshedAt,
    bool RefreshFailed,
    int Counting,
    List<BureauOverviewPage.AttentionItem> Attention,
    string MinimumRate,
    ShownNumber KpiGrade,
    int ExemptionThreshold,
    List<BureauOverviewPage.CompanyRow> Companies)
{
    public sealed record AttentionItem(string Kind, string Text, ShownDate? Since, string? Url);

    public sealed record CompanyRow(
        string Id,
        string Name,
        string Url,
        string ProgressUrl,
        string FieldworkUrl,
        string ReportUrl,
        ShownDate? Last,
        bool ThisMonth,
        List<Action> Actions,
        List<PerceelFigures> Percelen,
        OpdrachtgeverFigures? Opdrachtgevers,
        bool Counting);

    /// <summary>One flag kind as a sentence ("{0}" takes <see cref="Argument"/>) with a link to where the bureau acts on it.</summary>
    public sealed record Action(string Text, string? Argument, string Link, string Url);

    public sealed record PerceelFigures(string Name, int Ended, int Approached, string Rate, bool RateLow, ShownNumber? Grade, bool GradeLow);

    public sealed record OpdrachtgeverFigures(int Count, int Approached, string Rate, ShownNumber? Grade);
}
