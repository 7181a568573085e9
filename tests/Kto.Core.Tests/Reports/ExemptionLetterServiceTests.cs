using Kto.Core.Reports;
using Kto.Core.Settings;
using Kto.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;
using static Kto.Core.Tests.Reports.ReportFixtures;

namespace Kto.Core.Tests.Reports;

/// <summary>The exemption letter: only for a perceel under the threshold, from the draft's (or the signed) figures, with the deadline from the settings.</summary>
public class ExemptionLetterServiceTests
{
    private sealed class KeepingRenderer : IExemptionLetterRenderer
    {
        public ExemptionLetter? Letter { get; private set; }

        public byte[] Render(ExemptionLetter letter)
        {
            Letter = letter;
            return [1, 2, 3];
        }
    }

    private readonly InMemoryReportArchive archive = new();
    private readonly KeepingRenderer renderer = new();
    private readonly ReportSettings settings = new() { SubmissionDeadlineMonth = 2, SubmissionDeadlineDay = 15 };

    private ExemptionLetterService Service() =>
        new(settings, new BureauSettings { Name = "Onderzoek BV" }, archive, renderer, new FakeTimeProvider(At(2027, 1, 20)));

    private Task SaveDraftAsync(params PerceelFigures[] figures) =>
        archive.SaveDraftAsync("acme", 2026, new ReportFiles([], [], [(byte)figures.Length]),
            new ReportDraftInputs("Acme Re-integratie", "kto-2026-1", At(2027, 1, 15), figures), "pending", default);

    [Fact]
    public async Task A_perceel_under_the_threshold_gets_a_letter_with_company_perceel_year_count_and_deadline()
    {
        await SaveDraftAsync(Healthy(), Healthy(Perceel.Praktijkassessment) with { Ended = 3, Approached = 3, Responded = 1, Grades = [7] });

        var result = await Service().CreateAsync("acme", 2026, Perceel.Praktijkassessment, default);

        Assert.Equal(ExemptionLetterOutcome.Ready, result.Outcome);
        Assert.Equal([1, 2, 3], result.Pdf);
        var letter = renderer.Letter!;
        var text = string.Join(" ", [letter.Subject, .. letter.Addressee, .. letter.Paragraphs, letter.Note]);
        Assert.Contains("Acme Re-integratie", text);
        Assert.Contains("perceel Praktijkassessment", text);
        Assert.Contains("over 2026", text);
        Assert.Contains("3 re-integratiediensten beëindigd", text);
        Assert.Contains("minder dan 5", text);
        Assert.Contains("15 februari 2027", text); // the deadline setting, not a constant
        Assert.Contains("accounthouder", text);
    }

    [Fact]
    public async Task A_perceel_at_the_threshold_is_not_eligible_and_says_how_many_ended()
    {
        await SaveDraftAsync(Healthy() with { Ended = 5, Approached = 5, Responded = 2, Grades = [7, 8] });
        var result = await Service().CreateAsync("acme", 2026, Perceel.NaarWerk, default);
        Assert.Equal((ExemptionLetterOutcome.NotEligible, 5), (result.Outcome, result.Ended));
        Assert.Null(renderer.Letter);
    }

    [Fact]
    public async Task A_perceel_without_services_may_ask_and_a_year_without_a_report_may_not()
    {
        Assert.Equal(ExemptionLetterOutcome.NoReport, (await Service().CreateAsync("acme", 2026, Perceel.NaarWerk, default)).Outcome);
        await SaveDraftAsync(Healthy());
        var result = await Service().CreateAsync("acme", 2026, Perceel.WerkfitMaken, default);
        Assert.Equal(ExemptionLetterOutcome.Ready, result.Outcome);
        Assert.Contains("0 re-integratiediensten", string.Join(" ", renderer.Letter!.Paragraphs));
    }

    [Fact]
    public async Task The_choices_are_the_percelen_with_ended_services_under_the_threshold_and_none_without_a_report()
    {
        Assert.Null(await Service().ChoicesAsync("acme", 2026, default));
        await SaveDraftAsync(
            Healthy() with { Ended = 5, Approached = 5, Responded = 2, Grades = [7, 8] },
            Healthy(Perceel.Praktijkassessment) with { Ended = 3, Approached = 3, Responded = 1, Grades = [7] },
            Healthy(Perceel.WerkfitMaken) with { Ended = 0, Approached = 0, Responded = 0, Grades = [] });

        var choices = await Service().ChoicesAsync("acme", 2026, default);

        // Naar werk has 5 (the threshold), Werkfit maken none: only Praktijkassessment, with its count.
        Assert.Equal([new ExemptionChoice(Perceel.Praktijkassessment, 3)], choices);
    }

    [Fact]
    public async Task Without_a_draft_the_letter_takes_the_figures_of_the_latest_signed_version()
    {
        async Task SignedAsync(int version, int ended)
        {
            var figures = Healthy(Perceel.Praktijkassessment) with { Ended = ended, Approached = ended, Responded = 1, Grades = [7] };
            await archive.SaveVersionInputsAsync("acme", 2026, version, new ReportDraftInputs("Acme Re-integratie", "kto-2026-1", At(2027, 1, 15), [figures]), default);
            await archive.CompleteVersionAsync("acme", 2026, version, new ReportFiles([], [], []), $"sha-{version}", "Acme Re-integratie", At(2027, 2, version), "passed", default);
        }
        await SignedAsync(1, 3);
        await SignedAsync(2, 4);

        var result = await Service().CreateAsync("acme", 2026, Perceel.Praktijkassessment, default);

        Assert.Equal((ExemptionLetterOutcome.Ready, 4), (result.Outcome, result.Ended));
        Assert.Contains("4 re-integratiediensten beëindigd", string.Join(" ", renderer.Letter!.Paragraphs));
    }
}
