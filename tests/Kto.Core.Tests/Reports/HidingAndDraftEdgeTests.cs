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
/// Hiding an open answer and making a draft when the archive does not hold still: a draft from before open answers
/// were kept, a draft whose stored inputs cannot be read, a draft replaced between reading it and its inputs, a hide
/// already recorded by a request at the same time, and a run or hide whose conditional replace loses to another save.
/// </summary>
public class HidingAndDraftEdgeTests
{
    private readonly InMemoryReportArchive stored = new();
    private readonly InterceptedReportArchive archive;
    private readonly InMemoryOpenAnswerSources sources = new();
    private readonly QuestionnaireCatalog questionnaires = new(new QuestionnaireSettings());
    private readonly ReportServices reports;
    private static readonly string Id = OpenAnswer.IdOf("s1", "open-goed");

    public HidingAndDraftEdgeTests()
    {
        archive = new InterceptedReportArchive(stored);
        var companies = new InMemoryCompanyStore();
        companies.TryAddAsync(new Company("acme", "Acme Re-integratie", At(2025, 1, 1)), "hash", default).Wait();
        reports = ReportServices.Create(new ReportSettings(), new BureauSettings { Name = "Onderzoek BV" }, questionnaires, companies, archive,
            new RecordingReportRenderer(), new MarkingPdfSigner(), new OpenAnswersService(sources, sources, sources, questionnaires), sources,
            new FakeTimeProvider(At(2027, 2, 10)));
        sources.Services.Add(new ReportServiceRow("s1", Perceel.NaarWerk, new DateOnly(2026, 5, 1), null));
        sources.Responses.Add(new StoredResponse(new ServiceRef("acme", 2026, "s1"), Perceel.NaarWerk,
            new Answers(questionnaires.Current.Version, new Dictionary<string, AnswerValue>
            {
                [Kto.Core.Questionnaires.Questionnaire.RapportcijferId] = new(8),
                ["open-goed"] = new(Text: "Herkenbaar verhaal."),
            }), At(2026, 6, 1)));
    }

    private Task<ReportDraftInfo> DraftAsync(int day = 15) => reports.Drafts.SaveDraftAsync("acme", 2026, [Healthy()], At(2027, 1, day), default);

    private async Task<IEnumerable<string>> DraftAnswerIdsAsync() =>
        (await reports.Drafts.DraftOpenAnswersAsync("acme", 2026, default))!.Answers.Select(a => a.Id);

    /// <summary>A draft of 2026 holding the open answer, after which its inputs can no longer be read.</summary>
    private async Task<ReportDraftInfo> DraftWithUnreadableInputsAsync()
    {
        var draft = await DraftAsync();
        // The answer really is in the draft: what follows is about the unreadable inputs, not an unknown answer.
        Assert.Contains(Id, await DraftAnswerIdsAsync());
        archive.DraftInputsUnreadable = true;
        return draft;
    }

    [Fact]
    public async Task Hiding_an_answer_of_a_draft_whose_inputs_cannot_be_read_answers_no_draft_and_records_nothing()
    {
        // Without the inputs there is nothing to rebuild the draft from: no hide is recorded that no draft shows.
        var draft = await DraftWithUnreadableInputsAsync();

        var hiding = await reports.Hiding.HideAnswerAsync("acme", 2026, Id, "b", "herkenbaar", default);

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

    [Fact]
    public async Task A_draft_from_before_open_answers_were_kept_has_none_to_review_or_hide()
    {
        // Inputs without open answers (stored before they were kept) read as no answers, not as a failure.
        await DraftAsync();
        archive.DraftInputsAsRead = inputs => inputs with { OpenAnswers = null };

        var review = await reports.Drafts.DraftOpenAnswersAsync("acme", 2026, default);
        var hiding = await reports.Hiding.HideAnswerAsync("acme", 2026, Id, "b", "herkenbaar", default);

        Assert.NotNull(review!.Answers);
        Assert.Empty(review.Answers);
        Assert.Equal(AnswerHidingOutcome.UnknownAnswer, hiding.Outcome);
        Assert.Empty(await sources.ListAsync("acme", 2026, default));
    }

    [Fact]
    public async Task A_hide_whose_draft_is_replaced_before_its_inputs_are_read_hides_the_answer_in_the_newer_draft()
    {
        // The draft it read is gone by the time its inputs are read: that is no "no draft", the hide tries the newer one.
        await DraftAsync();
        ReportDraftInfo? newer = null;
        archive.BeforeNextInputsRead = async () => newer = await DraftAsync(16);

        var hiding = await reports.Hiding.HideAnswerAsync("acme", 2026, Id, "b", "herkenbaar", default);

        Assert.Equal(AnswerHidingOutcome.Hidden, hiding.Outcome);
        Assert.NotEqual(newer!.Id, hiding.Draft!.Id); // rebuilt from the newer draft, without the answer
        Assert.Equal(At(2027, 1, 16), hiding.Draft.GeneratedAt);
        Assert.Equal(hiding.Draft.Id, (await archive.GetDraftAsync("acme", 2026, default))!.Id);
        Assert.DoesNotContain(Id, await DraftAnswerIdsAsync());
    }

    [Fact]
    public async Task Of_two_hides_at_once_the_one_that_did_not_make_the_record_answers_already_hidden_with_the_first_reason()
    {
        // The other request stored its decision but has not yet replaced the draft: this one still sees the answer.
        await DraftAsync();
        await sources.AddAsync("acme", 2026, new HiddenAnswer(Id, "a", "eerste reden", At(2027, 2, 9)), default);

        var hiding = await reports.Hiding.HideAnswerAsync("acme", 2026, Id, "b", "tweede reden", default);

        Assert.Equal(AnswerHidingOutcome.AlreadyHidden, hiding.Outcome);
        Assert.Equal("eerste reden", hiding.Hidden!.Reason);
        Assert.DoesNotContain(Id, await DraftAnswerIdsAsync());
    }

    [Fact]
    public async Task A_hide_that_must_decide_again_on_a_draft_still_showing_the_answer_is_still_the_one_that_hid_it()
    {
        // Another host saved a draft with the answer in between; the hide's own record stands, it is not "already hidden".
        await DraftAsync();
        stored.BeforeNextReplace = async () => await stored.SaveDraftAsync("acme", 2026,
            new ReportFiles([1], [2], "{\"host\":\"other\"}"u8.ToArray()), stored.DraftInputs("acme", 2026)!, "ok");

        var hiding = await reports.Hiding.HideAnswerAsync("acme", 2026, Id, " b ", " herkenbaar ", default);

        Assert.Equal(AnswerHidingOutcome.Hidden, hiding.Outcome);
        Assert.Equal(("b", "herkenbaar"), (hiding.Hidden!.HiddenBy, hiding.Hidden.Reason));
        Assert.DoesNotContain(Id, await DraftAnswerIdsAsync());
    }

    [Fact]
    public async Task A_report_run_whose_replace_loses_to_an_older_run_tries_again_and_stores_its_newer_figures()
    {
        // The conditional replace failed only because another run saved meanwhile; its figures are older, so this run's win.
        stored.BeforeNextReplace = async () => await DraftAsync(14);

        var draft = await DraftAsync(15);

        Assert.NotNull(draft);
        Assert.Equal(At(2027, 1, 15), draft.GeneratedAt);
        Assert.Equal(draft.Id, (await archive.GetDraftAsync("acme", 2026, default))!.Id);
    }

    [Theory]
    [InlineData("kto-2026-1", "kto-2026-1")] // the version the draft was made with, though the setting moved on
    [InlineData("kto-1999-1", "kto-2027-1")] // a version no longer known: the current one
    public async Task A_draft_is_rebuilt_with_the_questionnaire_version_it_was_made_with(string drafted, string rebuilt)
    {
        var embedded = QuestionnaireCatalog.LoadEmbedded();
        var next = embedded.Single(q => q.Version == "kto-2026-1") with { Version = "kto-2027-1" };
        var catalog = new QuestionnaireCatalog(new QuestionnaireSettings { CurrentVersion = "kto-2027-1" }, [.. embedded, next]);
        var companies = new InMemoryCompanyStore();
        var later = ReportServices.Create(new ReportSettings(), new BureauSettings { Name = "Onderzoek BV" }, catalog, companies, stored,
            new RecordingReportRenderer(), new MarkingPdfSigner(), new OpenAnswersService(sources, sources, sources, catalog), sources,
            new FakeTimeProvider(At(2027, 2, 10)));
        var draft = await stored.SaveDraftAsync("acme", 2026, new ReportFiles([], [], []),
            new ReportDraftInputs("Acme Re-integratie", drafted, At(2027, 1, 15), [Healthy()]), "pending", default);

        var report = await later.Drafts.DraftReportAsync("acme", 2026, draft.Id, default);

        Assert.Equal(rebuilt, report!.QuestionnaireVersion);
    }
}
