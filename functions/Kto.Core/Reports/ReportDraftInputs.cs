namespace Kto.Core.Reports;

/// <summary>
/// What a draft was built from, kept beside its files: signing rebuilds the report from exactly these inputs (plus
/// the bureau's conclusion and signature), never from the rendered report.json, whose shape is a public contract.
/// The open answers are stored already redacted and without hidden ones; the previous year's figures are stored as
/// they were when the draft was made.
/// </summary>
public sealed record ReportDraftInputs(
    string CompanyName,
    string QuestionnaireVersion,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<PerceelFigures> Figures,
    DateOnly? SubmittedToUwvOn = null,
    IReadOnlyList<OpenAnswer>? OpenAnswers = null,
    PreviousYearFigures? PreviousYear = null) : IDraftInputs;
