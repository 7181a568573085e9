using Kto.Core.Companies;
using Kto.Core.Questionnaires;
using Kto.Core.Reports;
using Kto.Core.Settings;
using Kto.Core.Survey;
using Kto.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;
using static Kto.Core.Tests.Reports.ReportFixtures;

namespace Kto.Core.Tests.Reports;

/// <summary>
/// A current draft whose stored inputs cannot be read (the row is there, the inputs are not): the services that work
/// from those inputs treat it as no draft to work on, instead of failing or deciding on nothing.
/// </summary>
public class UnreadableDraftInputsTests
{
    private readonly InMemoryReportArchive stored = new();
    private readonly InterceptedReportArchive archive;
    private readonly InMemoryOpenAnswerSources sources = new();
    private readonly QuestionnaireCatalog questionnaires = new(new QuestionnaireSettings());
    private readonly ReportServices reports;

    public UnreadableDraftInputsTests()
    {
        archive = new InterceptedReportArchive(stored);
        var companies = new InMemoryCompanyStore();
        companies.TryAddAsync(new Company("acme", "Acme Re-integratie", At(2025, 1, 1)), "hash", default).Wait();
        reports = ReportServices.Create(new ReportSettings(), new BureauSettings { Name = "Onderzoek BV" }, questionnaires, companies, archive,
            new RecordingReportRenderer(), new MarkingPdfSigner(), new OpenAnswersService(sources, sources, sources, questionnaires), sources,
            new FakeTimeProvider(At(2027, 2, 10)));
    }

    /// <summary>A draft of 2026 with one open answer, after which its inputs can no longer be read.</summary>
    private async Task<(ReportDraftInfo Draft, string AnswerId)> DraftWithUnreadableInputsAsync()
    {
        sources.Services.Add(new ReportServiceRow("s1", Perceel.NaarWerk, new DateOnly(2026, 5, 1), null));
        sources.Responses.Add(new StoredResponse(new ServiceRef("acme", 2026, "s1"), Perceel.NaarWerk,
            new Answers(questionnaires.Current.Version, new Dictionary<string, AnswerValue>
            {
                [Kto.Core.Questionnaires.Questionnaire.RapportcijferId] = new(8),
                ["open-goed"] = new(Text: "Herkenbaar verhaal."),
            }), At(2026, 6, 1)));
        var draft = await reports.Drafts.SaveDraftAsync("acme", 2026, [Healthy()], At(2027, 1, 15), default);
        var id = OpenAnswer.IdOf("s1", "open-goed");
        // The answer really is in the draft: what follows is about the unreadable inputs, not an unknown answer.
        Assert.Contains(id, (await reports.Drafts.DraftOpenAnswersAsync("acme", 2026, default))!.Answers.Select(a => a.Id));
        archive.DraftInputsUnreadable = true;
        return (draft, id);
    }

    [Fact]
    public async Task Hiding_an_answer_of_a_draft_whose_inputs_cannot_be_read_answers_no_draft_and_records_nothing()
    {
        // Without the inputs there is nothing to rebuild the draft from: no hide is recorded that no draft shows.
        var (draft, id) = await DraftWithUnreadableInputsAsync();

        var hiding = await reports.Hiding.HideAnswerAsync("acme", 2026, id, "b", "herkenbaar", default);

        Assert.Equal(AnswerHidingOutcome.NoDraft, hiding.Outcome);
        Assert.Null(hiding.Draft);
        Assert.Empty(await sources.ListAsync("acme", 2026, default));
        Assert.Equal(draft.Id, (await archive.GetDraftAsync("acme", 2026, default))!.Id);
    }

    [Fact]
    public async Task A_draft_whose_inputs_cannot_be_read_has_no_open_answers_to_review()
    {
        // The review page shows the draft's own answers; it cannot show them from inputs it cannot read.
        await DraftWithUnreadableInputsAsync();

        Assert.Null(await reports.Drafts.DraftOpenAnswersAsync("acme", 2026, default));
    }
}
