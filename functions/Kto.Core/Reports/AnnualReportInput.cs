using Kto.Core.Questionnaires;

namespace Kto.Core.Reports;

/// <summary>Everything the annual report of one company is built from.</summary>
/// <param name="GeneratedAt">From the caller's <c>TimeProvider</c>; also decides "today" for the deadline checks.</param>
/// <param name="Figures">One entry per perceel the company reports on; each perceel at most once.</param>
/// <param name="Conclusion">The bureau's conclusion (needed when a perceel misses the minimum response).</param>
/// <param name="Signature">Null for a draft.</param>
/// <param name="SubmittedToUwvOn">The date the company submitted via CLMS, when recorded.</param>
/// <param name="OpenAnswers">Redacted open answers of every perceel (the appendix); hidden ones already left out.</param>
/// <param name="PreviousYear">The previous year's signed figures; null: no comparison section (drafts made before it existed).</param>
public sealed record AnnualReportInput(
    string CompanyId,
    string CompanyName,
    int Year,
    DateTimeOffset GeneratedAt,
    Questionnaire Questionnaire,
    IReadOnlyList<PerceelFigures> Figures,
    string? Conclusion = null,
    ReportSignature? Signature = null,
    DateOnly? SubmittedToUwvOn = null,
    IReadOnlyList<OpenAnswer>? OpenAnswers = null,
    PreviousYearFigures? PreviousYear = null);
