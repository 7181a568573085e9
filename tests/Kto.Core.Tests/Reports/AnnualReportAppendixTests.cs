using System.Text;
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
/// The draft's open answers (redacted before they reach the inputs), hiding one (it stays hidden in the next draft
/// and in the signed version), the comparison with the previous year's signed inputs, and the exemption letter.
/// </summary>
public class AnnualReportAppendixTests
{
    private readonly InMemoryReportArchive archive = new();
    private readonly RecordingReportRenderer renderer = new();
    private readonly InMemoryCompanyStore companies = new();
    private readonly InMemoryOpenAnswerSources sources = new();
    private readonly FakeTimeProvider time = new(At(2027, 2, 10));
    private readonly QuestionnaireCatalog questionnaires = new(new QuestionnaireSettings());
    private readonly ReportServices reports;

    public AnnualReportAppendixTests()
    {
        companies.TryAddAsync(new Company("acme", "Acme Re-integratie", At(2025, 1, 1)), "hash", default).Wait();
        reports = ReportServices.Create(new ReportSettings(), new BureauSettings { Name = "Onderzoek BV" }, questionnaires, companies, archive,
            renderer, new MarkingPdfSigner(), new OpenAnswersService(sources, sources, sources, questionnaires), sources, time);
    }

    private void Answer(string serviceId, int year, Perceel perceel, string? goed, string? beter = null)
    {
        sources.Services.Add(new ReportServiceRow(serviceId, perceel, new DateOnly(year, 5, 1), null));
        var values = new Dictionary<string, AnswerValue> { [Kto.Core.Questionnaires.Questionnaire.RapportcijferId] = new(8) };
        if (goed is not null) values["open-goed"] = new(Text: goed);
        if (beter is not null) values["open-beter"] = new(Text: beter);
        sources.Responses.Add(new StoredResponse(new ServiceRef("acme", year, serviceId), perceel, new Answers(questionnaires.Current.Version, values), At(year, 6, 1)));
    }

    private Task<ReportDraftInfo> DraftAsync(int year = 2026, params PerceelFigures[] figures) =>
        reports.Drafts.SaveDraftAsync("acme", year, figures.Length == 0 ? [Healthy()] : figures, At(year + 1, 1, 15), default);

    [Fact]
    public async Task The_drafts_inputs_and_report_carry_only_redacted_answers_per_perceel()
    {
        sources.NameParts["s1"] = ["Fenna", "Oudshoorn"];
        sources.Klantnummers.Add("RX4821");
        Answer("s1", 2026, Perceel.NaarWerk, "Ik ben Fenna, bel 06-12345678.", "Klantnummer RX4821 klopte niet.");
        Answer("s2", 2026, Perceel.WerkfitMaken, "Fijne begeleiding.");

        var draft = await DraftAsync(2026, Healthy(), Healthy(Perceel.WerkfitMaken));

        var inputs = (await archive.ReadDraftInputsAsync("acme", 2026, draft.Id, default))!;
        var stored = string.Join("\n", inputs.OpenAnswers!.Select(a => a.Text));
        foreach (var secret in new[] { "Fenna", "06-12345678", "RX4821" }) Assert.DoesNotContain(secret, stored);
        var report = renderer.Rendered.Last();
        var naarWerk = report.Percelen.Single(p => p.Figures.Perceel == Perceel.NaarWerk).OpenAnswers!;
        Assert.Equal(["open-goed", "open-beter"], naarWerk.Select(a => a.QuestionId)); // the questionnaire's order
        Assert.Equal("Ik ben [verwijderd], bel [verwijderd].", naarWerk[0].Text);
        Assert.Equal(["Fijne begeleiding."], report.Percelen.Single(p => p.Figures.Perceel == Perceel.WerkfitMaken).OpenAnswers!.Select(a => a.Text));
        Assert.DoesNotContain("Fenna", Encoding.UTF8.GetString((await archive.ReadDraftFileAsync("acme", 2026, draft.Id, ReportFileNames.Json, default))!));
    }

    [Fact]
    public async Task An_answer_of_a_service_outside_the_population_is_not_in_the_appendix()
    {
        Answer("s1", 2026, Perceel.NaarWerk, "Goed.");
        sources.Responses.Add(new StoredResponse(new ServiceRef("acme", 2026, "gone"), Perceel.NaarWerk,
            new Answers(questionnaires.Current.Version, new Dictionary<string, AnswerValue> { ["open-goed"] = new(Text: "Van een dienst die er niet meer is.") }), At(2026, 6, 1)));

        await DraftAsync();

        Assert.Equal(["Goed."], renderer.Rendered.Last().Percelen.Single().OpenAnswers!.Select(a => a.Text));
    }

    [Fact]
    public async Task A_hidden_answer_leaves_the_draft_stays_out_of_the_next_draft_and_of_the_signed_version()
    {
        Answer("s1", 2026, Perceel.NaarWerk, "Mijn buurvrouw die hier werkt was top.");
        Answer("s2", 2026, Perceel.NaarWerk, "Goed geholpen.");
        var first = await DraftAsync();
        var target = renderer.Rendered.Last().Percelen.Single().OpenAnswers!.Single(a => a.Text.Contains("buurvrouw")).Id;

        var hiding = await reports.Hiding.HideAnswerAsync("acme", 2026, target, " b.bureau@example.nl ", " herkenbaar ", default);

        Assert.Equal(AnswerHidingOutcome.Hidden, hiding.Outcome);
        Assert.Equal(new HiddenAnswer(target, "b.bureau@example.nl", "herkenbaar", time.GetUtcNow()), hiding.Hidden);
        Assert.NotEqual(first.Id, hiding.Draft!.Id); // a new draft: a sign request naming the old one is refused
        Assert.Equal(["Goed geholpen."], renderer.Rendered.Last().Percelen.Single().OpenAnswers!.Select(a => a.Text));
        Assert.Equal(ReportSigningOutcome.DraftReplaced, (await reports.Signing.SignAsync("acme", 2026, first.Id, "X", "Akkoord.", default)).Outcome);

        var again = await DraftAsync();
        Assert.Equal(["Goed geholpen."], renderer.Rendered.Last().Percelen.Single().OpenAnswers!.Select(a => a.Text));
        Assert.Equal(AnswerHidingOutcome.AlreadyHidden, (await reports.Hiding.HideAnswerAsync("acme", 2026, target, "iemand anders", "nog eens", default)).Outcome);
        Assert.Equal("herkenbaar", (await reports.Drafts.DraftOpenAnswersAsync("acme", 2026, default))!.Hidden.Single().Reason);

        await reports.Signing.SignAsync("acme", 2026, again.Id, "J. de Vries", "Akkoord.", default);
        Assert.DoesNotContain(renderer.Rendered.Last().Percelen.Single().OpenAnswers!, a => a.Id == target);
        Assert.NotNull(renderer.Rendered.Last().Signature);
    }

    [Fact]
    public async Task An_answer_hidden_while_a_draft_is_being_made_does_not_come_back_with_it()
    {
        Answer("s1", 2026, Perceel.NaarWerk, "Herkenbaar verhaal.");
        Answer("s2", 2026, Perceel.NaarWerk, "Goed geholpen.");
        var id = OpenAnswer.IdOf("s1", "open-goed");
        var reads = 0;
        // The run reads the hidden answers first (none yet); the bureau hides one before the run has saved.
        sources.OnListHidden = () =>
        {
            if (++reads == 2) sources.AddAsync("acme", 2026, new HiddenAnswer(id, "b", "herkenbaar", time.GetUtcNow()), default).Wait();
        };

        var draft = await DraftAsync();

        var inputs = (await archive.ReadDraftInputsAsync("acme", 2026, draft.Id, default))!;
        Assert.Equal(["Goed geholpen."], inputs.OpenAnswers!.Select(a => a.Text));
    }

    [Fact]
    public async Task A_hide_that_loses_the_race_to_a_report_run_answers_hidden_with_the_newer_draft_which_leaves_the_answer_out()
    {
        // The decision is stored first, so the run that saved meanwhile already left the answer out: the hide is done, not repeated.
        Answer("s1", 2026, Perceel.NaarWerk, "Herkenbaar verhaal.");
        Answer("s2", 2026, Perceel.NaarWerk, "Goed geholpen.");
        await DraftAsync();
        var id = OpenAnswer.IdOf("s1", "open-goed");
        ReportDraftInfo? newer = null;
        archive.BeforeNextReplace = async () => newer = await reports.Drafts.SaveDraftAsync("acme", 2026, [Healthy()], At(2027, 1, 16), default);

        var hiding = await reports.Hiding.HideAnswerAsync("acme", 2026, id, "b", "herkenbaar", default);

        Assert.Equal(AnswerHidingOutcome.Hidden, hiding.Outcome);
        Assert.Equal(newer!.Id, hiding.Draft!.Id);
        Assert.Equal(["Goed geholpen."], (await reports.Drafts.DraftOpenAnswersAsync("acme", 2026, default))!.Answers.Select(a => a.Text));
    }

    [Fact]
    public async Task A_report_run_with_older_figures_than_the_current_draft_leaves_that_draft_and_one_as_new_replaces_it()
    {
        // The newest figures win: a run that started earlier but saves later must not put older figures back.
        var current = await reports.Drafts.SaveDraftAsync("acme", 2026, [Healthy()], At(2027, 1, 15), default);
        var rendered = renderer.Rendered.Count;

        var older = await reports.Drafts.SaveDraftAsync("acme", 2026, [Healthy() with { Ended = 99 }], At(2027, 1, 14), default);

        Assert.Equal(current, older);
        Assert.Equal(rendered, renderer.Rendered.Count);
        var same = await reports.Drafts.SaveDraftAsync("acme", 2026, [Healthy(Perceel.WerkfitMaken)], At(2027, 1, 15), default);
        Assert.NotEqual(current.Id, same.Id);
    }

    [Fact]
    public async Task Without_a_draft_there_are_no_open_answers_to_review()
    {
        // The review page needs the draft's own answers; before the first run there is nothing to show.
        Assert.Null(await reports.Drafts.DraftOpenAnswersAsync("acme", 2026, default));
    }

    [Fact]
    public async Task Hiding_an_unknown_answer_or_without_a_draft_changes_nothing()
    {
        Assert.Equal(AnswerHidingOutcome.NoDraft, (await reports.Hiding.HideAnswerAsync("acme", 2026, "0123456789abcdef", "x", "y", default)).Outcome);
        Answer("s1", 2026, Perceel.NaarWerk, "Goed.");
        var draft = await DraftAsync();
        Assert.Equal(AnswerHidingOutcome.UnknownAnswer, (await reports.Hiding.HideAnswerAsync("acme", 2026, "0123456789abcdef", "x", "y", default)).Outcome);
        Assert.Equal(draft.Id, (await archive.GetDraftAsync("acme", 2026, default))!.Id);
        Assert.Empty((await reports.Drafts.DraftOpenAnswersAsync("acme", 2026, default))!.Hidden);
    }

    [Fact]
    public async Task The_draft_compares_with_the_latest_signed_version_of_the_year_before()
    {
        var figures2025 = Healthy() with { Responded = 5, Grades = [6, 6, 7, 7, 9] };
        var draft2025 = await DraftAsync(2025, figures2025);
        await reports.Signing.SignAsync("acme", 2025, draft2025.Id, "J. de Vries", "Akkoord.", default);

        await DraftAsync(2026, Healthy());

        var report = renderer.Rendered.Last();
        Assert.Equal(new YearComparison(2025, 1, true, null), report.PreviousYear);
        var was = report.Percelen.Single().PreviousYear!;
        Assert.Equal((7.0, 0.25), (was.MeanGrade!.Value, was.ResponseRate!.Value));
        Assert.Equal(0.5, was.MeanGradeChange!.Value, 9);
        // Stored in the draft's inputs: signing shows the comparison the bureau reviewed.
        var inputs = (await archive.ReadDraftInputsAsync("acme", 2026, (await archive.GetDraftAsync("acme", 2026, default))!.Id, default))!;
        Assert.Equal(figures2025.Grades, inputs.PreviousYear!.Figures.Single().Grades);
    }

    [Fact]
    public async Task Only_a_draft_of_the_year_before_is_no_report_to_compare_with()
    {
        await DraftAsync(2025, Healthy());
        await DraftAsync(2026, Healthy());
        Assert.Equal("geen rapport over 2025", renderer.Rendered.Last().PreviousYear!.Note);
    }

    [Fact]
    public async Task A_version_signed_without_stored_inputs_is_named_without_figures()
    {
        var draft2025 = await DraftAsync(2025, Healthy());
        await reports.Signing.SignAsync("acme", 2025, draft2025.Id, "J. de Vries", "Akkoord.", default);
        archive.ForgetVersionInputs("acme", 2025, 1);

        await DraftAsync(2026, Healthy());

        Assert.Equal(YearComparison.NoInputsNote(2025, 1), renderer.Rendered.Last().PreviousYear!.Note);
    }

    [Fact]
    public async Task An_answer_on_a_questionnaire_version_not_known_gives_no_open_answers_and_the_others_still_count()
    {
        Answer("s1", 2026, Perceel.NaarWerk, "Goed geholpen.");
        sources.Services.Add(new ReportServiceRow("s2", Perceel.NaarWerk, new DateOnly(2026, 5, 1), null));
        sources.Responses.Add(new StoredResponse(new ServiceRef("acme", 2026, "s2"), Perceel.NaarWerk,
            new Answers("kto-1999-1", new Dictionary<string, AnswerValue> { ["open-goed"] = new(Text: "Onbekende versie.") }), At(2026, 6, 1)));

        var answers = await new OpenAnswersService(sources, sources, sources, questionnaires).ReadAsync("acme", 2026, default);

        Assert.Equal(["Goed geholpen."], answers.Select(a => a.Text));
    }
}
