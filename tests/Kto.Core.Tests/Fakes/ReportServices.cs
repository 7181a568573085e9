using Kto.Core.Companies;
using Kto.Core.Questionnaires;
using Kto.Core.Reports;
using Kto.Core.Settings;

namespace Kto.Core.Tests.Fakes;

/// <summary>
/// The annual report's use cases over the same fakes and one shared <see cref="DraftReportBuilder"/>, as the
/// composition root wires them: a draft made by one is what the others hide, sign and read.
/// </summary>
public sealed record ReportServices(ReportDraftService Drafts, AnswerHidingService Hiding, ReportSigningService Signing, ReportFilesService Files)
{
    public static ReportServices Create(ReportSettings reportSettings, BureauSettings bureauSettings, QuestionnaireCatalog questionnaires,
        ICompanyStore companies, IReportArchive archive, IReportRenderer renderer, IReportPdfSigner pdfSigner, OpenAnswersService openAnswers,
        IHiddenAnswerStore hiddenAnswers, TimeProvider time)
    {
        var builder = new DraftReportBuilder(reportSettings, bureauSettings, questionnaires, archive, renderer);
        return new ReportServices(
            new ReportDraftService(questionnaires, companies, archive, openAnswers, hiddenAnswers, builder, time),
            new AnswerHidingService(archive, hiddenAnswers, builder, time),
            new ReportSigningService(archive, renderer, pdfSigner, builder, time),
            new ReportFilesService(archive));
    }
}
