using Kto.Core.Questionnaires;
using Kto.Core.Reports;

namespace Kto.Core.Tests.Reports;

/// <summary>A healthy perceel and company; tests change one thing to see one check move.</summary>
internal static class ReportFixtures
{
    public static readonly Questionnaire Questionnaire = new QuestionnaireCatalog(new QuestionnaireSettings()).Current;

    /// <summary>A moment in Dutch winter time (UTC+1).</summary>
    public static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 12, 0, 0, TimeSpan.FromHours(1));

    public static ReportSettings DefaultSettings() => new();

    public static BureauInfo DefaultBureau { get; } = new("Onderzoek BV", "MOA");

    public static AnnualReportBuilder Builder(ReportSettings? settings = null, BureauInfo? bureau = null) =>
        new(settings ?? DefaultSettings(), bureau ?? DefaultBureau);

    public static IReadOnlyList<QuestionResult> AllQuestionResults(int answered) =>
        Questionnaire.Questions.Select(q => new QuestionResult(q.Id, q.Mandatory, answered, q.IsNumeric ? 4.0 : null)).ToList();

    /// <summary>20 ended, all approached, 8 responded (40%, above the 30% default), grades mean 7.5.</summary>
    public static PerceelFigures Healthy(Perceel perceel = Perceel.NaarWerk) => new(
        perceel,
        Ended: 20,
        Approached: 20,
        AttemptsByMode: new ContactAttempts(Email: 45, Letter: 3, Phone: 0),
        AttemptsPerService: [new AttemptCount(1, 5), new AttemptCount(2, 3), new AttemptCount(3, 12)],
        Responded: 8,
        Grades: [6, 7, 7, 8, 8, 8, 8, 8],
        QuestionResults: AllQuestionResults(8),
        CompletedTrajectories: null,
        SuccessfulTrajectories: null,
        ResponsesPerMonth: [1, 0, 1, 0, 1, 0, 1, 0, 1, 1, 1, 1]);

    public static AnnualReportInput Input(params PerceelFigures[] figures) => new(
        "acme", "Acme Re-integratie", 2026, At(2027, 1, 15), Questionnaire,
        figures.Length == 0 ? [Healthy()] : figures);

    public static AnnualReportInput Signed(AnnualReportInput input, DateTimeOffset? at = null) =>
        input with { Signature = new ReportSignature("J. de Vries", at ?? At(2027, 2, 10)) };
}
