using Kto.Core.Questionnaires;
using Kto.Core.Settings;

namespace Kto.Core.Reports;

/// <summary>
/// What drafting, hiding and signing share, so each is done in one place: building the report from a draft's inputs,
/// the checklist status stored beside it, and storing a rebuilt draft in place of the current one.
/// </summary>
public sealed class DraftReportBuilder(
    ReportSettings reportSettings,
    BureauSettings bureauSettings,
    QuestionnaireCatalog questionnaires,
    IReportArchive archive,
    IReportRenderer renderer)
{
    /// <summary>The one way a report is built from a draft's inputs: drafting, hiding, the checklist and signing alike.</summary>
    internal AnnualReport Build(string company, int year, ReportDraftInputs inputs, DateTimeOffset at, string? conclusion = null,
        ReportSignature? signature = null)
    {
        var questionnaire = questionnaires.Get(inputs.QuestionnaireVersion) ?? questionnaires.Current;
        return Builder().Build(new AnnualReportInput(company, inputs.CompanyName, year, at, questionnaire, inputs.Figures, conclusion,
            signature, inputs.SubmittedToUwvOn, inputs.OpenAnswers, inputs.PreviousYear));
    }

    /// <summary>Builds, renders and stores a draft from <paramref name="inputs"/> in place of <paramref name="current"/>; null when another save came first.</summary>
    internal Task<ReportDraftInfo?> TryReplaceAsync(string company, int year, ReportDraftInputs inputs, CurrentDraft? current,
        CancellationToken cancellationToken)
    {
        var report = Build(company, year, inputs, inputs.GeneratedAt);
        return archive.TryReplaceDraftAsync(company, year, renderer.Render(report, null), inputs, StatusOf(report), current, cancellationToken);
    }

    internal static string StatusOf(AnnualReport report) => report.Checklist.Status.ToString().ToLowerInvariant();

    private AnnualReportBuilder Builder() => new(reportSettings, BureauInfo.From(bureauSettings));
}
