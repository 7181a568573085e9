using System.Text;
using Kto.Core.Companies;
using Kto.Core.Questionnaires;
using Kto.Core.Reports;
using Kto.Core.Settings;
using Kto.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;
using static Kto.Core.Tests.Reports.ReportFixtures;

namespace Kto.Core.Tests.Reports;

/// <summary>Drafting, signing and downloading the annual report, against in-memory ports.</summary>
public class AnnualReportLifecycleTests
{
    private readonly InMemoryReportArchive archive = new();
    private readonly RecordingReportRenderer renderer = new();
    private readonly InMemoryCompanyStore companies = new();
    private readonly FakeTimeProvider time = new(At(2027, 2, 10));
    private readonly InMemoryOpenAnswerSources sources = new();
    private readonly ReportServices reports;

    public AnnualReportLifecycleTests()
    {
        companies.TryAddAsync(new Company("acme", "Acme Re-integratie", At(2026, 1, 1)), "hash", default).Wait();
        var questionnaires = new QuestionnaireCatalog(new QuestionnaireSettings());
        reports = ReportServices.Create(new ReportSettings(), new BureauSettings { Name = "Onderzoek BV", Membership = "VBO" },
            questionnaires, companies, archive, renderer, new MarkingPdfSigner(),
            new OpenAnswersService(sources, sources, sources, questionnaires), sources, time);
    }

    private Task<ReportDraftInfo> DraftAsync(params PerceelFigures[] figures) =>
        reports.Drafts.SaveDraftAsync("acme", 2026, figures.Length == 0 ? [Healthy()] : figures, At(2027, 1, 15), default);

    [Fact]
    public async Task Signing_rebuilds_the_report_from_the_drafts_inputs_not_from_its_report_json()
    {
        var figures = Healthy() with { Ended = 21, Approached = 21 };
        var draft = await DraftAsync(figures);
        // The rendered report.json is a public document, not what signing reads: garbling it changes nothing.
        archive.ReplaceDraftFiles("acme", 2026, files => files with { Json = Encoding.UTF8.GetBytes("{ not a report") });

        var signing = await reports.Signing.SignAsync("acme", 2026, draft.Id, " J. de Vries ", "Akkoord.", default);

        Assert.Equal(ReportSigningOutcome.Signed, signing.Outcome);
        var signed = renderer.Rendered.Last();
        Assert.Equal(figures, signed.Percelen.Single().Figures);
        Assert.Equal("Acme Re-integratie", signed.CompanyName);
        Assert.Equal("Akkoord.", signed.Conclusion);
        Assert.Equal("J. de Vries", signed.Signature!.SignedBy);
        Assert.Equal(time.GetUtcNow(), signed.Signature.SignedAt);
    }

    [Fact]
    public async Task The_signed_version_records_the_hash_of_the_signed_pdf()
    {
        var draft = await DraftAsync();

        var version = (await reports.Signing.SignAsync("acme", 2026, draft.Id, "J. de Vries", "Akkoord.", default)).Version!;

        var pdf = (await reports.Files.ReadFileAsync("acme", 2026, ReportVersionChoice.Signed(version.Version), ReportFileNames.Pdf, default))!.Content;
        Assert.EndsWith(" signed by J. de Vries", Encoding.UTF8.GetString(pdf));
        Assert.Equal(ReportFilesService.Sha256(pdf), version.Sha256);
        Assert.Equal(version.Version, (await reports.Files.VerifyAsync(version.Sha256.ToUpperInvariant(), default))!.Version);
    }

    [Fact]
    public async Task A_draft_replaced_since_it_was_opened_is_not_signed()
    {
        var opened = await DraftAsync();
        time.Advance(TimeSpan.FromMinutes(1));
        var replacing = await reports.Drafts.SaveDraftAsync("acme", 2026, [Healthy() with { Responded = 9 }], time.GetUtcNow(), default);

        var signing = await reports.Signing.SignAsync("acme", 2026, opened.Id, "J. de Vries", "Akkoord.", default);

        Assert.NotEqual(opened.Id, replacing.Id);
        Assert.Equal(ReportSigningOutcome.DraftReplaced, signing.Outcome);
        Assert.Equal(replacing.Id, signing.CurrentDraftId);
        Assert.Empty((await reports.Files.ListAsync("acme", 2026, default)).Versions);
    }

    [Fact]
    public async Task Without_a_draft_there_is_nothing_to_sign()
    {
        var signing = await reports.Signing.SignAsync("acme", 2026, "abc", "J. de Vries", "Akkoord.", default);

        Assert.Equal(ReportSigningOutcome.NoDraft, signing.Outcome);
    }

    [Fact]
    public async Task The_latest_file_is_the_draft_until_a_version_is_signed_then_the_newest_version()
    {
        Assert.Null(await reports.Files.ReadFileAsync("acme", 2026, ReportVersionChoice.Latest, ReportFileNames.Pdf, default));
        var draft = await DraftAsync();

        var beforeSigning = await reports.Files.ReadFileAsync("acme", 2026, ReportVersionChoice.Latest, ReportFileNames.Pdf, default);
        await reports.Signing.SignAsync("acme", 2026, draft.Id, "J. de Vries", "Akkoord.", default);
        await reports.Signing.SignAsync("acme", 2026, draft.Id, "J. de Vries", "Tweede.", default);
        var afterSigning = await reports.Files.ReadFileAsync("acme", 2026, ReportVersionChoice.Latest, ReportFileNames.Pdf, default);

        Assert.Null(beforeSigning!.Version);
        Assert.Equal("pdf vdraft", Encoding.UTF8.GetString(beforeSigning.Content));
        Assert.Equal(2, afterSigning!.Version);
        Assert.StartsWith("pdf v2", Encoding.UTF8.GetString(afterSigning.Content));
        Assert.Null((await reports.Files.ReadFileAsync("acme", 2026, ReportVersionChoice.Draft, ReportFileNames.Pdf, default))!.Version);
    }

    [Fact]
    public async Task The_same_signing_again_gives_the_version_it_gave_and_another_conclusion_a_new_one()
    {
        var draft = await DraftAsync();

        var first = await reports.Signing.SignAsync("acme", 2026, draft.Id, "J. de Vries", "Akkoord.", default);
        time.Advance(TimeSpan.FromMinutes(5));
        var again = await reports.Signing.SignAsync("acme", 2026, draft.Id, " J. de Vries ", "Akkoord.\r\n", default);
        var other = await reports.Signing.SignAsync("acme", 2026, draft.Id, "J. de Vries", "Akkoord, met een kanttekening.", default);

        Assert.Equal(ReportSigningOutcome.Signed, first.Outcome);
        Assert.Equal(ReportSigningOutcome.AlreadySigned, again.Outcome);
        Assert.Equal((first.Version!.Version, first.Version.Sha256), (again.Version!.Version, again.Version.Sha256));
        Assert.Equal(ReportSigningOutcome.Signed, other.Outcome);
        Assert.Equal(first.Version!.Version + 1, other.Version!.Version);
        Assert.Equal(2, (await reports.Files.ListAsync("acme", 2026, default)).Versions.Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \n ")]
    public async Task A_draft_is_not_signed_without_a_conclusion(string? conclusion)
    {
        var draft = await DraftAsync();

        var signing = await reports.Signing.SignAsync("acme", 2026, draft.Id, "J. de Vries", conclusion, default);

        Assert.Equal(ReportSigningOutcome.ConclusionMissing, signing.Outcome);
        Assert.Empty((await reports.Files.ListAsync("acme", 2026, default)).Versions);
    }

    [Fact]
    public async Task Before_signing_the_review_lists_failed_checks_low_response_and_a_year_not_ended()
    {
        // Today is 10 February 2027: the year 2027 runs, 2026 has ended and its deadline (1 March) has not passed.
        var low = Healthy() with { Ended = 20, Approached = 19, Responded = 2, Grades = [8, 9] };
        var running = await reports.Drafts.SaveDraftAsync("acme", 2027, [low], time.GetUtcNow(), default);

        var review = (await reports.Drafts.ReviewBeforeSigningAsync("acme", 2027, running.Id, default))!;

        Assert.Contains(review.NotInOrder, i => i.StartsWith("Controlelijst 5, Alle klanten met een beëindigde dienst benaderd: niet in orde.", StringComparison.Ordinal));
        Assert.Contains(review.NotInOrder, i => i.StartsWith("Respons Naar werk: 10% (2 van 20), onder het minimum van 30%", StringComparison.Ordinal));
        Assert.Contains(review.NotInOrder, i => i.StartsWith("Het jaar 2027 is nog niet voorbij", StringComparison.Ordinal));
        Assert.True(review.NotInOrder.Count == 3, string.Join(" | ", review.NotInOrder)); // the bureau's membership is in order
        Assert.Null(await reports.Drafts.ReviewBeforeSigningAsync("acme", 2027, "ander-concept", default));

        var healthy = await DraftAsync();
        Assert.Empty((await reports.Drafts.ReviewBeforeSigningAsync("acme", 2026, healthy.Id, default))!.NotInOrder);
    }
}
