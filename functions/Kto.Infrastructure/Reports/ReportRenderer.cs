using System.Text;
using Kto.Core.Questionnaires;
using Kto.Core.Reports;
using Kto.Core.Settings;

namespace Kto.Infrastructure.Reports;

/// <summary>Renders a report to its PDF (with the verify link), workbook and public report.json.</summary>
public sealed class ReportRenderer(QuestionnaireCatalog questionnaires, KtoSettings ktoSettings) : IReportRenderer
{
    private readonly ReportPdfRenderer pdf = new();
    private readonly ReportXlsxRenderer xlsx = new();

    /// <summary>The verify page a signed PDF points to; the PDF's SHA-256 is appended.</summary>
    public string VerifyUrl => VerifyUrlOf(ktoSettings);

    /// <summary>The verify route a signed PDF (of any report kind) names, without the hash.</summary>
    public static string VerifyUrlOf(KtoSettings settings) => settings.Link("/api/verify/");

    public ReportFiles Render(AnnualReport report, int? version)
    {
        var questionnaire = questionnaires.Get(report.QuestionnaireVersion);
        return new ReportFiles(
            pdf.Render(report, questionnaire, VerifyUrl, version),
            xlsx.Render(report, questionnaire, version),
            Encoding.UTF8.GetBytes(ReportJson.Serialize(report)));
    }
}
