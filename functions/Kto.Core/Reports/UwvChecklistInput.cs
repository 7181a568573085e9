using Kto.Core.Questionnaires;

namespace Kto.Core.Reports;

/// <summary>What the seven UWV checks look at.</summary>
/// <param name="Today">The calendar day in the Netherlands on which the checks are made.</param>
/// <param name="Conclusion">The bureau's conclusion on the effort made; needed when a perceel misses the minimum response.</param>
/// <param name="Signature">Null while the report is a draft.</param>
/// <param name="SubmittedToUwvOn">When the company reports having submitted it via CLMS; null when not (yet) known.</param>
public sealed record UwvChecklistInput(
    int Year,
    DateOnly Today,
    ReportSettings Settings,
    BureauInfo Bureau,
    Questionnaire Questionnaire,
    IReadOnlyList<PerceelReport> Percelen,
    string? Conclusion,
    ReportSignature? Signature,
    DateOnly? SubmittedToUwvOn);
